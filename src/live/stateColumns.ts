import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';
import type { StateEvent } from '../model/stateEventSchema.ts';

/** `state` code for a record that carries no state (counts or order only). */
export const NO_STATE = 255;
/** Text index for an absent reason, order or operation. */
export const NO_TEXT = -1;

const STATE_CODE = new Map<string, number>(MACHINE_STATES.map((s, i) => [s, i]));

export function stateCode(state: MachineState): number {
  return STATE_CODE.get(state) ?? NO_STATE;
}

export function stateOfCode(code: number): MachineState | undefined {
  return MACHINE_STATES[code];
}

/**
 * Machine-state events as parallel typed arrays: a shift of a thousand machines is millions of
 * events, which as objects would cost hundreds of bytes each and could not cross to a worker
 * without copying. Row i is one event; absent counts are NaN, absent texts NO_TEXT.
 */
export interface StateColumns {
  length: number;
  /** Milliseconds since the Unix epoch. */
  time: Float64Array;
  /** Index into `equipmentIds`. */
  equipment: Uint16Array;
  /** Index into MACHINE_STATES, or NO_STATE. */
  state: Uint8Array;
  /** Indices into `texts`. */
  reason: Int32Array;
  order: Int32Array;
  operation: Int32Array;
  good: Float64Array;
  scrap: Float64Array;
  equipmentIds: string[];
  texts: string[];
}

/** The buffers to hand to comlink.transfer / postMessage. */
export function columnBuffers(c: StateColumns): ArrayBuffer[] {
  return [c.time, c.equipment, c.state, c.reason, c.order, c.operation, c.good, c.scrap].map((a) => a.buffer as ArrayBuffer);
}

const MAX_EQUIPMENT = 65_535;

/** Appends events to growing typed arrays (capacity doubles), interning equipment ids and texts. */
export class StateColumnsBuilder {
  private capacity: number;
  private n = 0;
  private time: Float64Array;
  private equipment: Uint16Array;
  private state: Uint8Array;
  private reason: Int32Array;
  private order: Int32Array;
  private operation: Int32Array;
  private good: Float64Array;
  private scrap: Float64Array;
  private readonly equipmentIds: string[] = [];
  private readonly equipmentIndex = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.time = new Float64Array(this.capacity);
    this.equipment = new Uint16Array(this.capacity);
    this.state = new Uint8Array(this.capacity);
    this.reason = new Int32Array(this.capacity);
    this.order = new Int32Array(this.capacity);
    this.operation = new Int32Array(this.capacity);
    this.good = new Float64Array(this.capacity);
    this.scrap = new Float64Array(this.capacity);
  }

  get length(): number {
    return this.n;
  }

  /** The equipment ids seen so far, in order of first appearance. */
  equipmentNames(): readonly string[] {
    return this.equipmentIds;
  }

  /** Index of an equipment id, added if new; undefined past 65,535 distinct ids. */
  equipmentOf(id: string): number | undefined {
    let k = this.equipmentIndex.get(id);
    if (k === undefined) {
      if (this.equipmentIds.length >= MAX_EQUIPMENT) return undefined;
      k = this.equipmentIds.length;
      this.equipmentIds.push(id);
      this.equipmentIndex.set(id, k);
    }
    return k;
  }

  private textOf(text: string | undefined): number {
    if (text === undefined) return NO_TEXT;
    let k = this.textIndex.get(text);
    if (k === undefined) {
      k = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, k);
    }
    return k;
  }

  /** Appends one event; false when the equipment table is full. */
  push(timeMs: number, equipment: string, e: Omit<StateEvent, 'ts' | 'equipment'>): boolean {
    const k = this.equipmentOf(equipment);
    if (k === undefined) return false;
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.time[i] = timeMs;
    this.equipment[i] = k;
    this.state[i] = e.state === undefined ? NO_STATE : stateCode(e.state);
    this.reason[i] = this.textOf(e.reason);
    this.order[i] = this.textOf(e.order);
    this.operation[i] = this.textOf(e.operation);
    this.good[i] = e.good ?? Number.NaN;
    this.scrap[i] = e.scrap ?? Number.NaN;
    return true;
  }

  pushEvent(e: StateEvent): boolean {
    return this.push(eventTimeMs(e.ts), e.equipment, e);
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.equipment = grow(this.equipment, (n) => new Uint16Array(n));
    this.state = grow(this.state, (n) => new Uint8Array(n));
    this.reason = grow(this.reason, (n) => new Int32Array(n));
    this.order = grow(this.order, (n) => new Int32Array(n));
    this.operation = grow(this.operation, (n) => new Int32Array(n));
    this.good = grow(this.good, (n) => new Float64Array(n));
    this.scrap = grow(this.scrap, (n) => new Float64Array(n));
  }

  /** Forgets the first `count` rows (a bounded history drops its oldest); texts stay interned. */
  discard(count: number): void {
    const n = Math.min(Math.max(0, count), this.n);
    for (const a of [this.time, this.equipment, this.state, this.reason, this.order, this.operation, this.good, this.scrap]) a.copyWithin(0, n, this.n);
    this.n -= n;
  }

  /** The columns trimmed to length (copies, so the builder can go on). */
  build(): StateColumns {
    const n = this.n;
    return {
      length: n,
      time: this.time.slice(0, n),
      equipment: this.equipment.slice(0, n),
      state: this.state.slice(0, n),
      reason: this.reason.slice(0, n),
      order: this.order.slice(0, n),
      operation: this.operation.slice(0, n),
      good: this.good.slice(0, n),
      scrap: this.scrap.slice(0, n),
      equipmentIds: [...this.equipmentIds],
      texts: [...this.texts],
    };
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time, to the millisecond whatever the number of
 * fraction digits (MTConnect adapters write seven; Date.parse beyond three is engine-defined).
 * A time without offset is read as UTC, as MTConnect requires. Seconds are required: a stamp cut
 * off after the minutes is a truncated line, not a time. NaN when not a date-time, or when a field
 * is out of range (month 13, 25:00). Years 0000–0099 are those years, not 19xx as Date.UTC reads them.
 */
export function isoToMs(text: string): number {
  const m = ISO.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return Number.NaN;
  let ms = date.getTime();
  if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000 + 1e-6);
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function eventTimeMs(ts: number | string): number {
  return typeof ts === 'number' ? ts : isoToMs(ts);
}

/** All events of a list, as columns (the path for simulation traces and small recordings). */
export function columnsOf(events: Iterable<StateEvent>): StateColumns {
  const b = new StateColumnsBuilder();
  for (const e of events) b.pushEvent(e);
  return b.build();
}
