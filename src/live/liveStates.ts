import type { MachineState } from '../model/machineState.ts';
import type { Problem } from '../model/problem.ts';
import type { StateEvent } from '../model/stateEventSchema.ts';
import type { HistorySink } from './liveHistory.ts';
import { eventTimeMs } from './stateColumns.ts';
import { parseHeartbeatPayload, parseStatePayload } from './statePayload.ts';

/** The newest known state of one piece of equipment, fields merged from its messages. */
export interface EquipmentLive {
  equipment: string;
  /** Publisher timestamp of the newest applied message, ms since the epoch (on the publisher's current clock). */
  ts: number;
  state?: MachineState;
  reason?: string;
  order?: string;
  operation?: string;
  good?: number;
  scrap?: number;
  /** Publisher time at which the current state began (the first applied message with it). */
  stateSince: number;
  /**
   * Receiver time of the newest evidence that the shown state still holds: a fresh message or a
   * heartbeat when it arrived; for a state known only from the broker's retained copy, no later
   * than the copy's own timestamp.
   */
  heardAt: number;
  /** The state is the broker's retained copy, not confirmed by a live message or heartbeat since. */
  retained: boolean;
  stale: boolean;
}

/** What happened to one state message, decided when it arrives. */
export type Verdict = 'applied' | 'late' | 'duplicate' | 'invalid' | 'future';

/** One count per message: applied + late + duplicates + invalid + future + heartbeats = messages offered. */
export interface LiveCounters {
  applied: number;
  /** Older than the newest already shown: kept in the history, not shown as current. */
  late: number;
  /** Same timestamp and same content as the newest: a redelivery or the broker's retained copy again. */
  duplicates: number;
  /** Not JSON, or not a state event: counted, the first few kept as problems. */
  invalid: number;
  /** Timestamp beyond the plausibility window ahead of the receiver's clock: refused. */
  future: number;
  /** Valid heartbeat messages. */
  heartbeats: number;
  /** Publisher clocks found to have gone back (see clock steps in docs/STATES.md). */
  clockSteps: number;
  /** Late messages shown after all because their publisher's clock was found to have gone back. */
  appliedAfterStep: number;
}

export interface LiveStatesOptions {
  /** How often each equipment is expected to report (its heartbeat), ms. */
  expectedPeriodMs: number;
  /** Stale after this many expected periods without an applied message. */
  staleFactor: number;
  /** Per-equipment expected periods, overriding the default. */
  periods?: Readonly<Record<string, number>>;
  /** When given, every valid non-duplicate event is appended, for the KPIs. */
  history?: HistorySink;
  /** A timestamp further than this ahead of the receiver's clock is refused (default 5 min). */
  futureToleranceMs?: number;
  /** Clock steps: a late message counts only when this much older; offsets agree within it (default 5 s). */
  stepToleranceMs?: number;
}

export const DEFAULT_FUTURE_TOLERANCE_MS = 5 * 60_000;
export const DEFAULT_STEP_TOLERANCE_MS = 5_000;

const FIELDS = ['state', 'reason', 'order', 'operation', 'good', 'scrap'] as const;
const MAX_PROBLEMS = 20;
/** Confirmed clock steps remembered, so other equipment behind the same publisher follow at once. */
const MAX_KNOWN_STEPS = 16;

function contentKey(e: StateEvent): string {
  return FIELDS.map((f) => e[f] ?? '').join('\u0000');
}

type Entry = EquipmentLive & {
  key: string;
  /** Receiver minus publisher time of the newest applied fresh message (undefined until one came). */
  offset: number | undefined;
  /** Added to this equipment's timestamps in the history, so its timeline never runs backwards after a clock step. */
  correction: number;
  /** The state topic heard last, for heartbeats on a prefix of it. */
  topic: string;
};

/** A fresh message much older than the newest shown: late, or the first sign of a clock gone back. */
interface Candidate {
  /** Absent for a heartbeat. */
  event?: StateEvent;
  ts: number;
  arrival: number;
  offset: number;
}

/**
 * Current state per equipment from messages that may come late, twice, out of order, from clocks
 * that are wrong or go back. The rules are those of docs/STATES.md, "Live states": the newest
 * timestamp wins; an equal timestamp with equal content is a duplicate, with other content merged;
 * a timestamp too far ahead of the receiver's clock is refused; a publisher clock gone back is
 * recognised from two late messages that agree on it. Pure: the caller passes the local clock.
 */
export class LiveStates {
  readonly counters: LiveCounters = { applied: 0, late: 0, duplicates: 0, invalid: 0, future: 0, heartbeats: 0, clockSteps: 0, appliedAfterStep: 0 };
  readonly problems: Problem[] = [];
  private readonly latest = new Map<string, Entry>();
  private readonly candidates = new Map<string, Candidate>();
  /** Receiver-minus-publisher offsets of confirmed clock steps, newest last. */
  private readonly knownSteps: number[] = [];
  private readonly listeners = new Set<(equipment: string, live: EquipmentLive) => void>();
  private readonly underPrefix = new Map<string, string[]>();

  constructor(private options: LiveStatesOptions) {}

  /** Listens to every applied message and every change of staleness. */
  subscribe(listener: (equipment: string, live: EquipmentLive) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(equipment: string): EquipmentLive | undefined {
    return this.latest.get(equipment);
  }

  all(): EquipmentLive[] {
    return [...this.latest.values()];
  }

  private invalid(problems: Problem[]): 'invalid' {
    this.counters.invalid++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(...problems);
    return 'invalid';
  }

  private get futureTolerance(): number {
    return this.options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS;
  }

  private get stepTolerance(): number {
    return this.options.stepToleranceMs ?? DEFAULT_STEP_TOLERANCE_MS;
  }

  /**
   * Offers the payload of one message for `equipment` (`topic` names it in problems). A retained
   * message (the broker's stored copy, sent on subscribe) counts as heard no later than its own
   * timestamp, so a broker's hours-old copy shows as "last known", not as fresh.
   */
  offer(equipment: string, payload: string, heardAt: number, topic: string, retained = false): Verdict {
    const parsed = parseStatePayload(equipment, payload, topic);
    return parsed.ok ? this.apply(parsed.event, heardAt, retained, topic) : this.invalid(parsed.problems);
  }

  /** Applies an already validated event. */
  apply(event: StateEvent, heardAt: number, retained = false, topic = ''): Verdict {
    const ts = eventTimeMs(event.ts);
    if (ts - heardAt > this.futureTolerance) return this.refuseFuture(event.equipment, ts, heardAt, topic);
    const key = contentKey(event);
    const current = this.latest.get(event.equipment);
    if (current && ts === current.ts && key === current.key) {
      this.counters.duplicates++;
      // The publisher saying it again is news that the state holds; the broker's stored copy is not.
      if (!retained) this.confirm(current, heardAt);
      return 'duplicate';
    }
    if (current && ts < current.ts) return this.late(current, event, ts, heardAt, retained);
    this.dropCandidate(event.equipment, current);
    this.history(ts + (current?.correction ?? 0), event);
    this.show(event, ts, heardAt, retained, key, topic, current);
    this.counters.applied++;
    return 'applied';
  }

  private refuseFuture(equipment: string, ts: number, heardAt: number, topic: string): 'future' {
    this.counters.future++;
    if (this.problems.length < MAX_PROBLEMS) {
      const ahead = Number.isFinite(ts) && ts < 8.64e15 ? new Date(ts).toISOString() : String(ts);
      this.problems.push({ file: topic || equipment, path: 'ts', expected: `a time no more than ${Math.round(this.futureTolerance / 1000)} s ahead of this computer's clock (${new Date(heardAt).toISOString()})`, found: ahead });
    }
    return 'future';
  }

  private late(current: Entry, event: StateEvent, ts: number, heardAt: number, retained: boolean): Verdict {
    // A retained copy or a small difference is plain lateness; only a fresh message well behind may be a clock step.
    if (retained || current.ts - ts <= this.stepTolerance) {
      this.counters.late++;
      this.history(ts + current.correction, event);
      return 'late';
    }
    const pending = this.candidates.get(event.equipment);
    if (pending?.event && pending.ts === ts && contentKey(pending.event) === contentKey(event)) {
      this.counters.duplicates++;
      return 'duplicate';
    }
    if (this.clockStep(event.equipment, { event, ts, arrival: heardAt, offset: heardAt - ts })) {
      this.counters.applied++;
      return 'applied';
    }
    this.counters.late++;
    return 'late';
  }

  /**
   * A fresh message or heartbeat of `equipment` well behind its newest shown timestamp. It is taken
   * as the publisher's clock gone back when its offset (receiver minus publisher time) agrees within
   * the step tolerance with a step already confirmed, or with another such late message still
   * pending (of this equipment or any other): then every agreeing one is shown and later messages
   * compare on the new clock. Otherwise it waits as pending. Returns whether it was applied.
   */
  private clockStep(equipment: string, c: Candidate): boolean {
    const tolerance = this.stepTolerance;
    const known = this.knownSteps.some((o) => Math.abs(o - c.offset) <= tolerance);
    const agreeing = [...this.candidates].filter(([, p]) => Math.abs(p.offset - c.offset) <= tolerance);
    if (this.candidates.has(equipment) && !agreeing.some(([id]) => id === equipment)) this.dropCandidate(equipment, this.latest.get(equipment));
    if (!known && agreeing.length === 0) {
      this.candidates.set(equipment, c);
      return false;
    }
    if (!known) this.counters.clockSteps++;
    this.rememberStep(c.offset);
    for (const [id, p] of agreeing) {
      this.candidates.delete(id);
      const entry = this.latest.get(id);
      if (!entry) continue;
      this.stepTo(entry, p);
      if (p.event) this.counters.appliedAfterStep++;
    }
    const entry = this.latest.get(equipment)!;
    if (c.ts < entry.ts) this.stepTo(entry, c);
    else if (c.event) {
      this.history(c.ts + entry.correction, c.event);
      this.show(c.event, c.ts, c.arrival, false, contentKey(c.event), entry.topic, entry);
    } else this.confirm(entry, c.arrival);
    return true;
  }

  private rememberStep(offset: number): void {
    if (this.knownSteps.some((o) => Math.abs(o - offset) <= this.stepTolerance)) return;
    this.knownSteps.push(offset);
    if (this.knownSteps.length > MAX_KNOWN_STEPS) this.knownSteps.shift();
  }

  /**
   * Moves equipment onto its publisher's new clock at a late message or heartbeat `c`: the history
   * keeps counting on the old clock (a correction is added to later timestamps), the state's start
   * moves onto the new clock, and a message's content is shown.
   */
  private stepTo(entry: Entry, c: Candidate): void {
    const before = entry.offset ?? c.arrival - entry.ts;
    const step = c.offset - before;
    entry.correction += step;
    entry.stateSince -= step;
    entry.ts = c.ts;
    entry.offset = c.offset;
    if (c.event) {
      this.history(c.ts + entry.correction, c.event);
      this.show(c.event, c.ts, c.arrival, false, contentKey(c.event), entry.topic, entry);
    } else this.confirm(entry, c.arrival);
  }

  /** A pending candidate that no later message confirmed was plain late: into the history at its time. */
  private dropCandidate(equipment: string, current: Entry | undefined): void {
    const c = this.candidates.get(equipment);
    if (!c) return;
    this.candidates.delete(equipment);
    if (c.event) this.history(c.ts + (current?.correction ?? 0), c.event);
  }

  private history(timeMs: number, event: StateEvent): void {
    this.options.history?.push(timeMs, event.equipment, event);
  }

  private show(event: StateEvent, ts: number, heardAt: number, retained: boolean, key: string, topic: string, current: Entry | undefined): void {
    const next: Entry = current
      ? { ...current }
      : { equipment: event.equipment, ts, stateSince: ts, heardAt, retained, stale: false, key, offset: undefined, correction: 0, topic };
    if (event.state !== undefined && event.state !== next.state) next.stateSince = ts;
    for (const f of FIELDS) if (event[f] !== undefined) Object.assign(next, { [f]: event[f] });
    next.ts = ts;
    next.key = key;
    next.retained = retained;
    next.heardAt = retained ? Math.min(heardAt, ts) : heardAt;
    if (!retained) next.offset = heardAt - ts;
    if (topic && topic !== next.topic) {
      next.topic = topic;
      this.underPrefix.clear();
    }
    next.stale = this.isStale(next, heardAt);
    this.latest.set(event.equipment, next);
    this.notify(next);
  }

  /** Fresh evidence that the shown state still holds. */
  private confirm(entry: Entry, heardAt: number): void {
    const wasRetained = entry.retained;
    entry.heardAt = Math.max(entry.heardAt, heardAt);
    entry.retained = false;
    const stale = this.isStale(entry, heardAt);
    if (stale === entry.stale && !wasRetained) return;
    entry.stale = stale;
    this.notify(entry);
  }

  private notify(entry: EquipmentLive): void {
    for (const listener of this.listeners) listener(entry.equipment, entry);
  }

  /**
   * A heartbeat on `prefix/heartbeat`: every equipment whose state topic starts with `prefix/` is
   * still as last reported. The payload is empty or `{"ts": …}`; a timestamp is checked like a
   * state's and lets the heartbeat confirm a clock step. A retained heartbeat says nothing about now.
   * Returns the equipment it covered.
   */
  heartbeat(prefix: string, payload: string, heardAt: number, topic: string, retained = false): string[] | 'invalid' | 'future' {
    const parsed = parseHeartbeatPayload(payload, topic);
    if (!parsed.ok) return this.invalid(parsed.problems);
    const ts = parsed.ts;
    if (ts !== undefined && ts - heardAt > this.futureTolerance) return this.refuseFuture(topic, ts, heardAt, topic);
    this.counters.heartbeats++;
    if (retained) return [];
    const covered = this.equipmentUnder(prefix);
    for (const id of covered) {
      const entry = this.latest.get(id)!;
      if (ts === undefined || ts >= entry.ts - this.stepTolerance) this.confirm(entry, heardAt);
      else this.clockStep(id, { ts, arrival: heardAt, offset: heardAt - ts });
    }
    return covered;
  }

  private equipmentUnder(prefix: string): string[] {
    let ids = this.underPrefix.get(prefix);
    if (!ids) {
      const start = prefix.endsWith('/') ? prefix : `${prefix}/`;
      ids = [...this.latest.values()].filter((e) => e.topic.startsWith(start)).map((e) => e.equipment);
      this.underPrefix.set(prefix, ids);
    }
    return ids;
  }

  /** The stale threshold as set now (the live panel edits it while connected). */
  get staleness(): { expectedPeriodMs: number; staleFactor: number } {
    return { expectedPeriodMs: this.options.expectedPeriodMs, staleFactor: this.options.staleFactor };
  }

  /** Changes the expected period and the multiple, and re-evaluates staleness at `now`. */
  setStaleness(expectedPeriodMs: number, staleFactor: number, now: number): string[] {
    this.options = { ...this.options, expectedPeriodMs, staleFactor };
    return this.checkStale(now);
  }

  /** How long equipment may stay silent before it is stale, ms. */
  staleAfterMs(equipment: string): number {
    return this.options.staleFactor * (this.options.periods?.[equipment] ?? this.options.expectedPeriodMs);
  }

  private isStale(live: EquipmentLive, now: number): boolean {
    return now - live.heardAt > this.staleAfterMs(live.equipment);
  }

  /** Re-evaluates staleness at `now`; returns the equipment whose staleness changed. */
  checkStale(now: number): string[] {
    const changed: string[] = [];
    for (const live of this.latest.values()) {
      const stale = this.isStale(live, now);
      if (stale === live.stale) continue;
      live.stale = stale;
      changed.push(live.equipment);
      this.notify(live);
    }
    return changed;
  }
}
