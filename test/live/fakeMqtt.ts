import type { Clock, ClientOptions, MqttClientLike } from '../../src/live/mqttSource.ts';

type Listener = (...args: never[]) => void;

/** An MQTT.js stand-in: the test drives its events and reads what the source asked of it. */
export class FakeClient implements MqttClientLike {
  readonly listeners = new Map<string, Listener[]>();
  readonly subscriptions: { topics: string[]; qos: number }[] = [];
  reconnects = 0;
  ended = false;

  constructor(readonly url: string, readonly options: ClientOptions) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  subscribe(topics: string[], options: { qos: 0 | 1 }, callback?: (error: Error | null) => void): this {
    this.subscriptions.push({ topics, qos: options.qos });
    callback?.(null);
    return this;
  }

  reconnect(): this {
    this.reconnects++;
    return this;
  }

  end(): this {
    this.ended = true;
    return this;
  }

  message(topic: string, payload: unknown, retain = false): void {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    this.emit('message', topic, new TextEncoder().encode(text), { retain });
  }
}

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  time = 1_800_000_000_000;
  private next = 1;
  private readonly timers = new Map<number, { at: number; every?: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  setInterval(callback: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, every: ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  pending(): number[] {
    return [...this.timers.values()].filter((t) => t.every === undefined).map((t) => t.at - this.time);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.time = timer.at;
      if (timer.every === undefined) this.timers.delete(id);
      else timer.at += timer.every;
      timer.callback();
    }
    this.time = end;
  }
}
