import { backoffDelay, DEFAULT_BACKOFF, type BackoffSettings } from './backoff.ts';
import { LiveStates, type LiveStatesOptions } from './liveStates.ts';
import { matchTopic, type TopicMapping } from './topicMapping.ts';

/** What the app's connection panel edits. */
export interface LiveSettings {
  /** ws:// or wss:// URL of the broker's WebSocket listener (mqtt:// also works in Node). */
  url: string;
  /** A fixed client id. Without one, `clientIdPrefix` (default "plant-twin-") and 64 random bits. */
  clientId?: string;
  clientIdPrefix?: string;
  username?: string;
  password?: string;
  /** Topic filters to subscribe, e.g. `acme/plant-1/#` (see topicFilter). */
  topics: string[];
  qos?: 0 | 1;
  mapping?: TopicMapping;
  backoff?: BackoffSettings;
  /** Connect timeout, ms (default 10 s). */
  connectTimeoutMs?: number;
  /**
   * False: a persistent session (MQTT clean-session off) — the broker keeps the subscription and
   * queues QoS 1 messages while the connection is down, and delivers them on reconnect. Default true.
   */
  clean?: boolean;
  /**
   * With `clean: false`: how long the broker keeps the session after the connection is lost (MQTT 5
   * session expiry, default 1 h), so a recorder that never comes back leaves no queue behind forever.
   */
  sessionExpirySeconds?: number;
}

export type ConnectionPhase = 'idle' | 'connecting' | 'connected' | 'waiting' | 'stopped';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Failed attempts since the last successful connection. */
  attempt: number;
  /** When phase is `waiting`: local time of the next attempt. */
  retryAt?: number;
  lastError?: string;
  since: number;
}

export interface SourceCounters {
  messages: number;
  /** State topics whose equipment is not in the layout (when a layout is given). */
  unmapped: number;
  /** Topics that are not state topics under the subscription. */
  otherTopics: number;
  sparkplug: number;
  /** Heartbeat topics that covered no equipment heard so far. */
  unmatchedHeartbeats: number;
}

/** The part of an MQTT.js client the source uses, so tests can inject a fake. */
export interface MqttClientLike {
  on(event: 'connect', listener: (connack?: { sessionPresent?: boolean }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'message', listener: (topic: string, payload: Uint8Array, packet: { retain?: boolean }) => void): unknown;
  subscribe(topics: string[], options: { qos: 0 | 1 }, callback?: (error: Error | null) => void): unknown;
  reconnect(): unknown;
  end(force?: boolean, opts?: { properties?: { sessionExpiryInterval?: number } }, callback?: () => void): unknown;
}

export interface ClientOptions {
  clientId: string;
  username?: string;
  password?: string;
  reconnectPeriod: number;
  connectTimeout: number;
  clean: boolean;
  /** 5 for a persistent session, so it can expire (MQTT 3.1.1 sessions never do). */
  protocolVersion?: 5;
  properties?: { sessionExpiryInterval: number };
}

export const DEFAULT_SESSION_EXPIRY_S = 3600;

export type Connect = (url: string, options: ClientOptions) => MqttClientLike;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (cb, ms) => setInterval(cb, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/**
 * What happens on the connection, in order, for a consumer that needs every message and every gap
 * (the recorder): `lost` when an established connection closes, `connected` again after it.
 */
export type SourceEvent =
  | { kind: 'connected'; at: number; sessionPresent: boolean; reconnect: boolean }
  | { kind: 'subscribed'; at: number; error?: string }
  | { kind: 'lost'; at: number; error?: string }
  | { kind: 'message'; at: number; topic: string; payload: Uint8Array; retained: boolean };

/** 64 random bits as hex; crypto where there is one, so two processes never pick the same. */
function randomSuffix(random?: () => number): string {
  if (!random && globalThis.crypto?.getRandomValues) {
    const words = globalThis.crypto.getRandomValues(new Uint32Array(2));
    return [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
  }
  const r = random ?? Math.random;
  return [r(), r()].map((x) => Math.floor(x * 0x100000000).toString(16).padStart(8, '0')).join('');
}

export interface MqttSourceDeps {
  connect: Connect;
  clock?: Clock;
  random?: () => number;
  /** Layout equipment ids: messages for others are counted as unmapped and dropped. */
  equipment?: ReadonlySet<string>;
}

const decoder = new TextDecoder();

/**
 * Machine states from an MQTT broker. Owns the reconnect loop: MQTT.js's own fixed-period
 * reconnect is switched off (reconnectPeriod 0) and the source calls `reconnect()` after a capped
 * exponential back-off, so there is one retry policy and the status always says what happens next.
 */
export class MqttSource {
  readonly states: LiveStates;
  readonly counters: SourceCounters = { messages: 0, unmapped: 0, otherTopics: 0, sparkplug: 0, unmatchedHeartbeats: 0 };
  private client: MqttClientLike | undefined;
  private statusNow: ConnectionStatus;
  private readonly statusListeners = new Set<(s: ConnectionStatus) => void>();
  private readonly eventListeners = new Set<(e: SourceEvent) => void>();
  private everConnected = false;
  private isConnected = false;
  private retryTimer: unknown;
  private staleTimer: unknown;
  private readonly clock: Clock;
  private readonly decode = (payload: Uint8Array): string => decoder.decode(payload);

  constructor(private readonly settings: LiveSettings, live: LiveStatesOptions, private readonly deps: MqttSourceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.states = new LiveStates(live);
    this.statusNow = { phase: 'idle', attempt: 0, since: this.clock.now() };
  }

  get status(): ConnectionStatus {
    return this.statusNow;
  }

  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Every connection event and every message heard, before the live states see it. */
  onEvent(listener: (e: SourceEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private emit(event: SourceEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  private setStatus(change: Partial<ConnectionStatus> & { phase: ConnectionPhase }): void {
    const { retryAt: _drop, ...rest } = this.statusNow;
    this.statusNow = { ...rest, ...change, since: this.clock.now() };
    for (const listener of this.statusListeners) listener(this.statusNow);
  }

  start(): void {
    if (this.client) return;
    const s = this.settings;
    const options: ClientOptions = {
      clientId: s.clientId ?? `${s.clientIdPrefix ?? 'plant-twin-'}${randomSuffix(this.deps.random)}`,
      reconnectPeriod: 0,
      connectTimeout: s.connectTimeoutMs ?? 10_000,
      clean: s.clean ?? true,
      ...(s.clean === false ? { protocolVersion: 5, properties: { sessionExpiryInterval: s.sessionExpirySeconds ?? DEFAULT_SESSION_EXPIRY_S } } : {}),
      ...(s.username ? { username: s.username } : {}),
      ...(s.password ? { password: s.password } : {}),
    };
    this.setStatus({ phase: 'connecting' });
    const client = this.deps.connect(s.url, options);
    this.client = client;
    client.on('connect', (connack) => this.connected(connack?.sessionPresent === true));
    client.on('close', () => this.closed());
    client.on('error', (error) => {
      this.statusNow = { ...this.statusNow, lastError: error.message };
    });
    client.on('message', (topic, payload, packet) => this.message(topic, payload, packet.retain === true));
    this.startStaleTimer();
  }

  /** Staleness is checked twice per expected period, no more often than every 100 ms. */
  private startStaleTimer(): void {
    this.clock.clearInterval(this.staleTimer);
    const every = Math.max(100, this.states.staleness.expectedPeriodMs / 2);
    this.staleTimer = this.clock.setInterval(() => this.states.checkStale(this.clock.now()), every);
  }

  /** New stale threshold: applied to every equipment at once, and the check follows the new period. */
  setStaleness(expectedPeriodMs: number, staleFactor: number): void {
    this.states.setStaleness(expectedPeriodMs, staleFactor, this.clock.now());
    if (this.client) this.startStaleTimer();
  }

  stop(): void {
    this.clock.clearTimeout(this.retryTimer);
    this.clock.clearInterval(this.staleTimer);
    this.retryTimer = this.staleTimer = undefined;
    const client = this.client;
    this.client = undefined;
    this.isConnected = false;
    this.setStatus({ phase: 'stopped' });
    client?.end(true);
  }

  /**
   * Ends on purpose: a DISCONNECT that also ends a persistent session (expiry 0), so the broker stops
   * queueing for a recorder that has finished; forced after `timeoutMs` when the broker does not answer.
   */
  async close(timeoutMs = 2000): Promise<void> {
    const client = this.client;
    if (!client || !this.isConnected) {
      this.stop();
      return;
    }
    this.clock.clearTimeout(this.retryTimer);
    this.clock.clearInterval(this.staleTimer);
    this.client = undefined;
    this.isConnected = false;
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => { client.end(true); resolve(); }, timeoutMs);
      const opts = this.settings.clean === false ? { properties: { sessionExpiryInterval: 0 } } : {};
      client.end(false, opts, () => { this.clock.clearTimeout(timer); resolve(); });
    });
    this.setStatus({ phase: 'stopped' });
  }

  private connected(sessionPresent: boolean): void {
    this.setStatus({ phase: 'connected', attempt: 0 });
    this.emit({ kind: 'connected', at: this.clock.now(), sessionPresent, reconnect: this.everConnected });
    this.everConnected = this.isConnected = true;
    // Subscribed again even when the broker kept the session: a subscription it lost must not go unnoticed.
    this.client?.subscribe(this.settings.topics, { qos: this.settings.qos ?? 1 }, (error) => {
      if (error) this.statusNow = { ...this.statusNow, lastError: `subscribe: ${error.message}` };
      this.emit({ kind: 'subscribed', at: this.clock.now(), ...(error ? { error: error.message } : {}) });
    });
  }

  private closed(): void {
    if (this.isConnected) {
      this.isConnected = false;
      this.emit({ kind: 'lost', at: this.clock.now(), ...(this.statusNow.lastError ? { error: this.statusNow.lastError } : {}) });
    } else if (!this.everConnected && this.client) {
      this.emit({ kind: 'lost', at: this.clock.now(), ...(this.statusNow.lastError ? { error: this.statusNow.lastError } : {}) });
    }
    if (!this.client || this.statusNow.phase === 'waiting') return;
    const attempt = this.statusNow.attempt + 1;
    const delay = backoffDelay(attempt, this.settings.backoff ?? DEFAULT_BACKOFF, this.deps.random);
    this.setStatus({ phase: 'waiting', attempt, retryAt: this.clock.now() + delay });
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.client) return;
      this.setStatus({ phase: 'connecting' });
      this.client.reconnect();
    }, delay);
  }

  private message(topic: string, payload: Uint8Array, retained: boolean): void {
    this.counters.messages++;
    if (this.eventListeners.size > 0) this.emit({ kind: 'message', at: this.clock.now(), topic, payload, retained });
    const match = matchTopic(topic, this.settings.mapping);
    if (match.kind === 'sparkplug') {
      this.counters.sparkplug++;
      return;
    }
    if (match.kind === 'other') {
      this.counters.otherTopics++;
      return;
    }
    if (match.kind === 'heartbeat') {
      const covered = this.states.heartbeat(match.prefix, this.decode(payload), this.clock.now(), topic, retained);
      if (Array.isArray(covered) && covered.length === 0 && !retained) this.counters.unmatchedHeartbeats++;
      return;
    }
    if (this.deps.equipment && !this.deps.equipment.has(match.equipment)) {
      this.counters.unmapped++;
      return;
    }
    this.states.offer(match.equipment, this.decode(payload), this.clock.now(), topic, retained);
  }
}
