import type { MachineState } from '../model/machineState.ts';
import type { Problem } from '../model/problem.ts';
import type { StateEvent } from '../model/stateEventSchema.ts';
import type { HistorySink } from './liveHistory.ts';
import { eventTimeMs } from './stateColumns.ts';
import { parseStatePayload } from './statePayload.ts';

/** The newest known state of one piece of equipment, fields merged from its messages. */
export interface EquipmentLive {
  equipment: string;
  /** Timestamp of the newest applied message, ms since the epoch. */
  ts: number;
  state?: MachineState;
  reason?: string;
  order?: string;
  operation?: string;
  good?: number;
  scrap?: number;
  /** Local time the newest applied message was heard (for staleness). */
  heardAt: number;
  stale: boolean;
}

export type Verdict = 'applied' | 'late' | 'duplicate' | 'invalid';

export interface LiveCounters {
  applied: number;
  /** Older than the newest already applied: kept in the history, not shown as current. */
  late: number;
  /** Same timestamp and same content as the newest: a redelivery. */
  duplicates: number;
  /** Not JSON, or not a state event: counted, the first few kept as problems. */
  invalid: number;
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
}

const FIELDS = ['state', 'reason', 'order', 'operation', 'good', 'scrap'] as const;
const MAX_PROBLEMS = 20;

function contentKey(e: StateEvent): string {
  return FIELDS.map((f) => e[f] ?? '').join('\u0000');
}

/**
 * Current state per equipment from messages that may come late, twice or out of order: the
 * newest timestamp wins, an equal timestamp with equal content is a duplicate, an equal timestamp
 * with other content is merged (last heard wins). Pure: the caller passes the local clock.
 */
export class LiveStates {
  readonly counters: LiveCounters = { applied: 0, late: 0, duplicates: 0, invalid: 0 };
  readonly problems: Problem[] = [];
  private readonly latest = new Map<string, EquipmentLive & { key: string }>();
  private readonly listeners = new Set<(equipment: string, live: EquipmentLive) => void>();

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

  /**
   * Offers the payload of one message for `equipment` (`source` names it in problems, e.g. the
   * topic). A retained message is treated as heard no later than its own timestamp, so a broker's
   * hours-old retained state does not look fresh.
   */
  offer(equipment: string, payload: string, heardAt: number, source: string, retained = false): Verdict {
    const parsed = parseStatePayload(equipment, payload, source);
    return parsed.ok ? this.apply(parsed.event, heardAt, retained) : this.invalid(parsed.problems);
  }

  /** Applies an already validated event. */
  apply(event: StateEvent, heardAt: number, retained = false): Verdict {
    const ts = eventTimeMs(event.ts);
    const key = contentKey(event);
    const current = this.latest.get(event.equipment);
    if (current && ts === current.ts && key === current.key) {
      this.counters.duplicates++;
      return 'duplicate';
    }
    this.options.history?.push(ts, event.equipment, event);
    if (current && ts < current.ts) {
      this.counters.late++;
      return 'late';
    }
    const next: EquipmentLive & { key: string } = current ? { ...current } : { equipment: event.equipment, ts, heardAt, stale: false, key };
    for (const f of FIELDS) if (event[f] !== undefined) Object.assign(next, { [f]: event[f] });
    next.ts = ts;
    next.key = key;
    next.heardAt = retained ? Math.min(heardAt, ts) : heardAt;
    next.stale = this.isStale(next, heardAt);
    this.latest.set(event.equipment, next);
    this.counters.applied++;
    for (const listener of this.listeners) listener(event.equipment, next);
    return 'applied';
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

  private isStale(live: EquipmentLive, now: number): boolean {
    const period = this.options.periods?.[live.equipment] ?? this.options.expectedPeriodMs;
    return now - live.heardAt > this.options.staleFactor * period;
  }

  /** Re-evaluates staleness at `now`; returns the equipment whose staleness changed. */
  checkStale(now: number): string[] {
    const changed: string[] = [];
    for (const live of this.latest.values()) {
      const stale = this.isStale(live, now);
      if (stale === live.stale) continue;
      live.stale = stale;
      changed.push(live.equipment);
      for (const listener of this.listeners) listener(live.equipment, live);
    }
    return changed;
  }
}
