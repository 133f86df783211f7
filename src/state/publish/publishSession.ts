import { createStore } from 'zustand/vanilla';
import type { AuditEntry } from '../../mes/auditEntry.ts';
import { outboxOf, type VersionStatus } from '../../mes/outboxState.ts';
import { Publisher, type Clock, type MqttPublish } from '../../mes/publisher.ts';
import { redact } from '../../mes/redact.ts';
import type { FetchLike } from '../../mes/restTransport.ts';
import { IndexedDbOutbox } from './outboxDb.ts';

/** What is kept across visits (localStorage): never a token or a password. */
export interface PublishSettings {
  restUrl: string;
  format: 'b2mml' | 'json';
  mqttUrl: string;
  mqttUser: string;
}

export type PublishStatus = 'not configured' | 'publishing' | 'idle' | 'offline' | 'in another tab';

export interface PublishState {
  outbox: IndexedDbOutbox;
  settings: PublishSettings;
  /** Whether a token / MQTT password is held (in memory and this tab's sessionStorage), not the value. */
  hasToken: boolean;
  hasMqttPassword: boolean;
  versions: VersionStatus[];
  entries: AuditEntry[];
  status: PublishStatus;
  problem: string | null;
  /** Saves settings and secrets and (re)starts publishing when a REST URL is set. */
  configure(settings: PublishSettings, secrets: { token?: string; mqttPassword?: string }): Promise<void>;
  /** Starts the publisher with the saved settings (after a reload, on opening the page). */
  start(): Promise<void>;
  stop(): Promise<void>;
  wake(now?: boolean): void;
  refresh(): Promise<void>;
  retryFailed(by: string): Promise<void>;
}

const SETTINGS_KEY = 'plant-twin-mes-settings';
const TOKEN_KEY = 'plant-twin-mes-token';
const MQTT_PASSWORD_KEY = 'plant-twin-mes-mqtt-password';
const DEFAULT_SETTINGS: PublishSettings = { restUrl: '', format: 'b2mml', mqttUrl: '', mqttUser: '' };

function loadSettings(): PublishSettings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
    return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<PublishSettings>) } : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Secrets live in this tab only: memory, mirrored to sessionStorage so a reload keeps publishing. */
const secrets = {
  token: globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? undefined,
  mqttPassword: globalThis.sessionStorage?.getItem(MQTT_PASSWORD_KEY) ?? undefined,
};

function keepSecret(key: string, value: string | undefined): void {
  if (value) globalThis.sessionStorage?.setItem(key, value);
  else globalThis.sessionStorage?.removeItem(key);
}

const pageClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  }),
};

async function browserMqtt(url: string, username: string, password: string | undefined): Promise<{ publish: MqttPublish; end(): Promise<void> }> {
  const mqtt = (await import('mqtt')).default;
  const client = await mqtt.connectAsync(url, { clientId: `plant-twin-publish-${Math.random().toString(16).slice(2, 10)}`, username: username || undefined, password, clean: true, reconnectPeriod: 2000, connectTimeout: 10_000 });
  client.on('error', () => undefined);
  return {
    publish: {
      target: redact(url, [password]),
      publish: async (topic, payload) => {
        if (!client.connected) throw new Error('not connected to the broker');
        await client.publishAsync(topic, payload, { qos: 1, retain: true });
      },
    },
    end: () => client.endAsync(),
  };
}

interface Running { stop: AbortController; done: Promise<unknown>; publisher: Publisher | undefined }

function statusOf(versions: readonly VersionStatus[]): PublishStatus {
  if (globalThis.navigator?.onLine === false) return 'offline';
  return versions.some((v) => !v.withdrawn && (v.state === 'pending' || v.state === 'sent')) ? 'publishing' : 'idle';
}

function snapshot(versions: VersionStatus[]): VersionStatus[] {
  return versions.map((v) => ({ ...v, rest: { ...v.rest }, mqtt: { ...v.mqtt }, workCentres: v.workCentres.map((w) => ({ ...w })) }));
}

/**
 * The page's publishing session: one Publisher draining the IndexedDB outbox for as long as the
 * page is open (one tab at a time, by a Web Lock), woken by approvals and by the network coming
 * back. Every tab shows the same outbox; only the one holding the lock sends.
 */
export function createPublishSession(outbox = new IndexedDbOutbox()) {
  let running: Running | undefined;
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;

  const store = createStore<PublishState>()((set, get) => ({
    outbox,
    settings: loadSettings(),
    hasToken: secrets.token !== undefined,
    hasMqttPassword: secrets.mqttPassword !== undefined,
    versions: [],
    entries: [],
    status: 'not configured',
    problem: null,

    async refresh() {
      // Coalesced: while one read is under way, later calls ask for one more read after it.
      if (refreshing) {
        refreshAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          refreshAgain = false;
          const entries = await outbox.all();
          const versions = snapshot(outboxOf(entries).versions);
          set({ entries, versions, status: running?.publisher ? statusOf(versions) : get().status });
        } while (refreshAgain);
      })().finally(() => { refreshing = undefined; });
      return refreshing;
    },

    wake(now = false) {
      running?.publisher?.wake(now);
      void get().refresh();
    },

    async configure(settings, given) {
      globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      if (given.token !== undefined) secrets.token = given.token || undefined;
      if (given.mqttPassword !== undefined) secrets.mqttPassword = given.mqttPassword || undefined;
      keepSecret(TOKEN_KEY, secrets.token);
      keepSecret(MQTT_PASSWORD_KEY, secrets.mqttPassword);
      set({ settings, hasToken: secrets.token !== undefined, hasMqttPassword: secrets.mqttPassword !== undefined });
      await get().stop();
      await get().start();
    },

    async start() {
      // Checked and claimed before any await: two callers at once start one loop.
      if (running) return;
      const { settings } = get();
      if (settings.restUrl.trim() === '') {
        set({ status: 'not configured' });
        await get().refresh();
        return;
      }
      const stop = new AbortController();
      const r: Running = { stop, done: Promise.resolve(), publisher: undefined };
      running = r;
      await get().refresh();
      const loop = async () => {
        let mqtt: Awaited<ReturnType<typeof browserMqtt>> | undefined;
        try {
          if (settings.mqttUrl.trim() !== '') mqtt = await browserMqtt(settings.mqttUrl.trim(), settings.mqttUser, secrets.mqttPassword);
          r.publisher = new Publisher({
            store: outbox, clock: pageClock, random: Math.random,
            fetch: ((url, init) => fetch(url, init)) as FetchLike,
            rest: { url: settings.restUrl.trim(), token: secrets.token, format: settings.format },
            mqtt: mqtt?.publish,
            onChange: () => void get().refresh(),
          });
          set({ problem: null });
          await get().refresh();
          await r.publisher.run({ untilIdle: false, signal: stop.signal });
        } catch (error) {
          set({ problem: redact((error as Error).message ?? String(error), [secrets.token, secrets.mqttPassword]) });
        } finally {
          await mqtt?.end();
        }
      };
      const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
      r.done = locks
        ? locks.request('plant-twin-mes-publisher', { ifAvailable: true }, async (lock) => {
          if (lock !== null) return loop();
          set({ status: 'in another tab' });
          // Another tab publishes; take over when it closes.
          return locks.request('plant-twin-mes-publisher', { signal: stop.signal }, loop);
        }).catch(() => undefined)
        : loop();
    },

    async stop() {
      const r = running;
      running = undefined;
      if (!r) return;
      r.stop.abort();
      await r.done;
    },

    async retryFailed(by) {
      const failed = get().versions.filter((v) => v.rest.failed !== null || v.mqtt.failed !== null);
      if (failed.length === 0) return;
      await outbox.append(failed.map((v) => ({ type: 'retry-requested' as const, version: v.id, by })), new Date().toISOString());
      get().wake(true);
    },
  }));

  globalThis.addEventListener?.('online', () => { store.setState({ status: statusOf(store.getState().versions) }); store.getState().wake(true); });
  globalThis.addEventListener?.('offline', () => store.setState({ status: 'offline' }));
  return store;
}

export const publishSession = createPublishSession();
