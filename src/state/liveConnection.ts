import { createStore } from 'zustand/vanilla';
import { LiveHistory } from '../live/liveHistory.ts';
import { MqttSource, type ConnectionPhase, type Connect } from '../live/mqttSource.ts';
import { createLiveSource, type LiveSource } from '../playback/liveSource.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import type { PlaybackStore } from '../playback/clock.ts';
import type { TwinStore } from './store.ts';

export interface LiveForm {
  url: string;
  clientId: string;
  username: string;
  password: string;
  /** Topic filter to subscribe. */
  topic: string;
  /** How often each equipment is expected to report, seconds. */
  periodS: string;
  /** Stale after this many expected periods without a message. */
  staleFactor: string;
}

export interface LiveConnectionState {
  form: LiveForm;
  phase: ConnectionPhase;
  /** When reconnecting: local time of the next attempt. */
  retryAt: number | undefined;
  lastError: string | undefined;
  messages: number;
  /** Payloads that were not a valid state message. */
  bad: number;
  /** What became of the state messages (LiveStates' counters), refreshed twice a second. */
  counts: LiveCounts;
  /** Local time the connection was lost, while it is; undefined while connected or never connected. */
  lostAt: number | undefined;
  /** Refreshed while a session runs, so the live clock ticks and "reconnecting in N s" counts down. */
  now: number;
  source: LiveSource | undefined;
  setForm(change: Partial<LiveForm>): void;
  connect(): void;
  disconnect(): void;
}

const REFRESH_MS = 500;

export interface LiveCounts { applied: number; late: number; duplicates: number; future: number; clockSteps: number; heartbeats: number }

const NO_COUNTS: LiveCounts = { applied: 0, late: 0, duplicates: 0, future: 0, clockSteps: 0, heartbeats: 0 };

/** The form's expected period (ms) and multiple, or undefined while either is not a positive number. */
export function stalenessOf(form: Pick<LiveForm, 'periodS' | 'staleFactor'>): { expectedPeriodMs: number; staleFactor: number } | undefined {
  const period = Number(form.periodS);
  const factor = Number(form.staleFactor);
  if (!(form.periodS.trim() !== '' && period > 0 && Number.isFinite(period))) return undefined;
  if (!(form.staleFactor.trim() !== '' && factor > 0 && Number.isFinite(factor))) return undefined;
  return { expectedPeriodMs: period * 1000, staleFactor: factor };
}

export type LiveConnectionStore = ReturnType<typeof createLiveConnection>;

/**
 * The live panel's session: one MqttSource at a time; while it runs, its states are the twin's
 * state source. `onChange` asks the scene to draw again (the frame loop runs on demand).
 */
export function createLiveConnection(twin: TwinStore, playback: PlaybackStore, connect: () => Promise<Connect>, hideOthers: () => void, onChange: () => void) {
  let mqtt: MqttSource | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let session = 0;

  const store = createStore<LiveConnectionState>()((set, get) => {
    const refresh = () => {
      if (!mqtt) return;
      const c = mqtt.states.counters;
      const counts = get().counts;
      const changed = c.applied !== counts.applied || c.late !== counts.late || c.duplicates !== counts.duplicates || c.future !== counts.future || c.clockSteps !== counts.clockSteps || c.heartbeats !== counts.heartbeats;
      set({
        messages: mqtt.counters.messages, bad: c.invalid, now: Date.now(),
        ...(changed ? { counts: { applied: c.applied, late: c.late, duplicates: c.duplicates, future: c.future, clockSteps: c.clockSteps, heartbeats: c.heartbeats } } : {}),
      });
    };
    return {
      form: { url: 'ws://localhost:9001', clientId: `plant-twin-${Math.floor(Math.random() * 0xffffff).toString(16)}`, username: '', password: '', topic: '#', periodS: '60', staleFactor: '5' },
      phase: 'idle', retryAt: undefined, lastError: undefined, messages: 0, bad: 0, counts: NO_COUNTS, lostAt: undefined, now: Date.now(), source: undefined,
      setForm(change) {
        const form = { ...get().form, ...change };
        set({ form });
        // The stale threshold applies at once while connected; the broker settings wait for the next Connect.
        const staleness = stalenessOf(form);
        if (mqtt && staleness) {
          mqtt.setStaleness(staleness.expectedPeriodMs, staleness.staleFactor);
          onChange();
        }
      },
      connect() {
        const plant = twin.getState().plant;
        if (!plant) return;
        get().disconnect();
        const id = ++session;
        const { form } = get();
        const staleness = stalenessOf(form);
        if (!staleness) return;
        set({ phase: 'connecting', messages: 0, bad: 0, counts: NO_COUNTS, lostAt: undefined, lastError: undefined });
        void connect().then((connectFn) => {
          if (id !== session) return;
          const history = new LiveHistory(Date.now());
          const source = new MqttSource(
            { url: form.url, topics: [form.topic || '#'], qos: 1, ...(form.clientId ? { clientId: form.clientId } : {}), ...(form.username ? { username: form.username } : {}), ...(form.password ? { password: form.password } : {}) },
            { ...staleness, history },
            { connect: connectFn, equipment: new Set(allEquipment(plant.layout).map((e) => e.id)) },
          );
          mqtt = source;
          let connectedOnce = false;
          source.onStatus((s) => {
            if (id !== session) return;
            if (s.phase === 'connected') connectedOnce = true;
            // Lost: it was connected and is not now; the scene says so until it is back.
            const lostAt = s.phase === 'connected' || !connectedOnce ? undefined : get().lostAt ?? Date.now();
            set({ phase: s.phase, retryAt: s.retryAt, lastError: s.lastError, lostAt, now: Date.now() });
            onChange();
          });
          source.states.subscribe(onChange);
          const twinSource = createLiveSource(source.states, plant.layout, `Live: ${form.url}`, new Date(history.sinceMs).toISOString(), history);
          hideOthers();
          playback.getState().setSource(twinSource);
          set({ source: twinSource });
          timer = setInterval(refresh, REFRESH_MS);
          source.start();
        }, (error: unknown) => {
          if (id === session) set({ phase: 'stopped', lastError: error instanceof Error ? error.message : String(error) });
        });
      },
      disconnect() {
        session++;
        clearInterval(timer);
        timer = undefined;
        const source = get().source;
        mqtt?.stop();
        mqtt = undefined;
        if (source && playback.getState().source === source) playback.getState().setSource(undefined);
        set({ source: undefined, phase: get().phase === 'idle' ? 'idle' : 'stopped', retryAt: undefined, lostAt: undefined });
      },
    };
  });

  // Another plant has other equipment: the connection ends rather than colour the wrong machines.
  twin.subscribe((state, previous) => {
    if (state.plant?.layoutFile !== previous.plant?.layoutFile && store.getState().source) store.getState().disconnect();
  });

  return store;
}

/** The status line: connecting / connected / reconnecting in N s / disconnected. */
export function liveStatusText(s: Pick<LiveConnectionState, 'phase' | 'retryAt' | 'now'>): string {
  switch (s.phase) {
    case 'connecting': return 'connecting';
    case 'connected': return 'connected';
    case 'waiting': return `reconnecting in ${Math.max(0, Math.ceil(((s.retryAt ?? s.now) - s.now) / 1000))} s`;
    default: return 'disconnected';
  }
}

/** The scene's banner while the connection is lost: "connection lost — reconnecting in N s". */
export function outageText(s: Pick<LiveConnectionState, 'phase' | 'retryAt' | 'now' | 'lostAt'>): string | undefined {
  if (s.lostAt === undefined) return undefined;
  const since = Math.max(0, Math.floor((s.now - s.lostAt) / 1000));
  const next = s.phase === 'waiting' ? `reconnecting in ${Math.max(0, Math.ceil(((s.retryAt ?? s.now) - s.now) / 1000))} s` : 'reconnecting now';
  return `Connection lost ${since} s ago — ${next}`;
}
