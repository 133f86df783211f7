import type { StateEvent } from '../model/stateEventSchema.ts';
import { NO_STATE, NO_TEXT, StateColumnsBuilder, stateOfCode } from './stateColumns.ts';
import { stateKpis, type EquipmentKpis, type KpiResult } from './stateTimeline.ts';

/** Where LiveStates appends every valid, non-duplicate event. */
export interface HistorySink {
  push(timeMs: number, equipment: string, e: Omit<StateEvent, 'ts' | 'equipment'>): unknown;
}

/** Default bound: 4,096 events per equipment, about 160 kB each in columns. */
export const DEFAULT_EVENTS_PER_EQUIPMENT = 4096;

interface Track {
  rows: StateColumnsBuilder;
  /** Newest time of a dropped event: before it the history is incomplete. */
  keptFrom: number;
}

/**
 * The events heard since connect, per equipment in columns, bounded: when an equipment's history
 * is full its oldest half is dropped and the state in force at the newest dropped time is kept as
 * one event, so time in state still adds up from there. KPIs come from stateTimeline, as for
 * recordings and simulation traces.
 */
export class LiveHistory implements HistorySink {
  private readonly tracks = new Map<string, Track>();

  constructor(readonly sinceMs: number, private readonly perEquipment = DEFAULT_EVENTS_PER_EQUIPMENT) {}

  push(timeMs: number, equipment: string, e: Omit<StateEvent, 'ts' | 'equipment'>): void {
    let track = this.tracks.get(equipment);
    if (!track) {
      track = { rows: new StateColumnsBuilder(16), keptFrom: this.sinceMs };
      this.tracks.set(equipment, track);
    }
    if (track.rows.length >= this.perEquipment) this.dropOldestHalf(track, equipment);
    track.rows.push(timeMs, equipment, e);
  }

  /** Events kept for `equipment`. */
  size(equipment: string): number {
    return this.tracks.get(equipment)?.rows.length ?? 0;
  }

  /** Start of the complete history of `equipment`: connect, or later once old events were dropped. */
  keptFrom(equipment: string): number {
    return this.tracks.get(equipment)?.keptFrom ?? this.sinceMs;
  }

  /** Time in state, counts and OEE of `equipment` from connect (or the oldest kept event) to `nowMs`. */
  kpis(equipment: string, nowMs: number, idealCycleMs?: number): EquipmentKpis | undefined {
    const track = this.tracks.get(equipment);
    if (!track) return undefined;
    const t0 = Math.max(this.sinceMs, track.keptFrom);
    const result = stateKpis(track.rows.build(), { t0, t1: Math.max(t0, nowMs), ...(idealCycleMs !== undefined ? { idealCycleMs } : {}) });
    return result.equipment[0];
  }

  /**
   * Every equipment heard, summed over one window: from the time all their histories are complete
   * (connect, or later once one dropped old events) to `untilMs` — the figures of a whole site.
   */
  allKpis(untilMs: number, idealCycleMs?: number | Readonly<Record<string, number>>): KpiResult {
    let t0 = this.sinceMs;
    let rows = 0;
    for (const track of this.tracks.values()) {
      t0 = Math.max(t0, track.keptFrom);
      rows += track.rows.length;
    }
    const all = new StateColumnsBuilder(rows);
    for (const [equipment, track] of this.tracks) {
      const c = track.rows.build();
      const text = (k: number) => (k === NO_TEXT ? undefined : c.texts[k]);
      for (let i = 0; i < c.length; i++) {
        const state = stateOfCode(c.state[i]!);
        const reason = text(c.reason[i]!);
        const order = text(c.order[i]!);
        const operation = text(c.operation[i]!);
        all.push(c.time[i]!, equipment, {
          ...(state !== undefined ? { state } : {}), ...(reason !== undefined ? { reason } : {}),
          ...(order !== undefined ? { order } : {}), ...(operation !== undefined ? { operation } : {}),
          ...(Number.isNaN(c.good[i]) ? {} : { good: c.good[i]! }), ...(Number.isNaN(c.scrap[i]) ? {} : { scrap: c.scrap[i]! }),
        });
      }
    }
    return stateKpis(all.build(), { t0, t1: Math.max(t0, untilMs), ...(idealCycleMs !== undefined ? { idealCycleMs } : {}) });
  }

  private dropOldestHalf(track: Track, equipment: string): void {
    const dropped = Math.floor(track.rows.length / 2);
    const old = track.rows.build();
    // The state in force at the newest dropped time: the newest (by time, then arrival) dropped state.
    let newest = Number.NEGATIVE_INFINITY;
    let carried = NO_STATE;
    let carriedAt = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < dropped; i++) {
      const t = old.time[i]!;
      newest = Math.max(newest, t);
      if (old.state[i] !== NO_STATE && t >= carriedAt) {
        carried = old.state[i]!;
        carriedAt = t;
      }
    }
    track.rows.discard(dropped);
    track.keptFrom = Math.max(track.keptFrom, newest);
    const state = stateOfCode(carried);
    if (state !== undefined) track.rows.push(newest, equipment, { state });
  }
}
