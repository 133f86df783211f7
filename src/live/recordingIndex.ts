import { NO_STATE, NO_TEXT, type StateColumns } from './stateColumns.ts';

/**
 * A recording's events grouped by equipment and sorted by time, split into state changes and job
 * changes (order / operation), so "what was equipment k doing at t" is a binary search.
 */
export interface RecordingIndex {
  /** The recording's equipment ids; k below indexes these. */
  equipmentIds: readonly string[];
  texts: readonly string[];
  /** First and last event time, ms since the epoch (both NaN when the recording is empty). */
  firstMs: number;
  lastMs: number;
  /** Rows of k: offsets[k] … offsets[k + 1] − 1. */
  stateOffsets: Int32Array;
  stateTime: Float64Array;
  stateCode: Uint8Array;
  /** Text index of the reason given with each state row, NO_TEXT when none. */
  stateReason: Int32Array;
  jobOffsets: Int32Array;
  jobTime: Float64Array;
  /** Text indices, NO_TEXT when absent. */
  jobOrder: Int32Array;
  jobOperation: Int32Array;
}

/** Last index in [lo, hi) whose time is ≤ t, or lo − 1 when none is. */
export function lastAtOrBefore(times: Float64Array, lo: number, hi: number, t: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (times[mid]! <= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** Rows passing `keep`, grouped by equipment, each group in time order (ties in file order). */
function grouped(c: StateColumns, keep: (i: number) => boolean): { offsets: Int32Array; rows: Int32Array } {
  const n = c.equipmentIds.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < c.length; i++) if (keep(i)) offsets[c.equipment[i]! + 1]!++;
  for (let k = 0; k < n; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, n);
  const rows = new Int32Array(offsets[n]!);
  for (let i = 0; i < c.length; i++) if (keep(i)) rows[fill[c.equipment[i]!]!++] = i;
  for (let k = 0; k < n; k++) {
    const group = rows.subarray(offsets[k]!, offsets[k + 1]!);
    let sorted = true;
    for (let j = 1; j < group.length && sorted; j++) sorted = c.time[group[j - 1]!]! <= c.time[group[j]!]!;
    if (!sorted) group.sort((a, b) => c.time[a]! - c.time[b]! || a - b);
  }
  return { offsets, rows };
}

export function indexRecording(c: StateColumns): RecordingIndex {
  const states = grouped(c, (i) => c.state[i] !== NO_STATE);
  const jobs = grouped(c, (i) => c.order[i] !== NO_TEXT || c.operation[i] !== NO_TEXT);
  let firstMs = Number.NaN;
  let lastMs = Number.NaN;
  for (let i = 0; i < c.length; i++) {
    const t = c.time[i]!;
    if (!(t >= firstMs)) firstMs = Number.isNaN(firstMs) ? t : Math.min(firstMs, t);
    if (!(t <= lastMs)) lastMs = Number.isNaN(lastMs) ? t : Math.max(lastMs, t);
  }
  return {
    equipmentIds: c.equipmentIds, texts: c.texts, firstMs, lastMs,
    stateOffsets: states.offsets,
    stateTime: Float64Array.from(states.rows, (i) => c.time[i]!),
    stateCode: Uint8Array.from(states.rows, (i) => c.state[i]!),
    stateReason: Int32Array.from(states.rows, (i) => c.reason[i]!),
    jobOffsets: jobs.offsets,
    jobTime: Float64Array.from(jobs.rows, (i) => c.time[i]!),
    jobOrder: Int32Array.from(jobs.rows, (i) => c.order[i]!),
    jobOperation: Int32Array.from(jobs.rows, (i) => c.operation[i]!),
  };
}

/** Index into MACHINE_STATES of k's state at `ms`, or NO_STATE before its first state. */
export function recordedStateAt(index: RecordingIndex, k: number, ms: number): number {
  const lo = index.stateOffsets[k]!;
  const i = lastAtOrBefore(index.stateTime, lo, index.stateOffsets[k + 1]!, ms);
  return i < lo ? NO_STATE : index.stateCode[i]!;
}

/** The order and operation k last reported at or before `ms` (each the newest one given). */
export function recordedJobAt(index: RecordingIndex, k: number, ms: number): { order?: string; operation?: string } {
  const lo = index.jobOffsets[k]!;
  let order: string | undefined;
  let operation: string | undefined;
  for (let i = lastAtOrBefore(index.jobTime, lo, index.jobOffsets[k + 1]!, ms); i >= lo && (order === undefined || operation === undefined); i--) {
    if (order === undefined && index.jobOrder[i] !== NO_TEXT) order = index.texts[index.jobOrder[i]!];
    if (operation === undefined && index.jobOperation[i] !== NO_TEXT) operation = index.texts[index.jobOperation[i]!];
  }
  return { ...(order !== undefined ? { order } : {}), ...(operation !== undefined ? { operation } : {}) };
}

/**
 * The first and last instants at which some equipment's state is known (not unknown, not before
 * its first state): a recording usually ends with "unknown, end of recording", after which nothing
 * is known, so its last moment with data is just before that. NaN for both when there is none.
 */
export function knownStateSpan(index: RecordingIndex, unknownCode: number): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < index.equipmentIds.length; k++) {
    const lo = index.stateOffsets[k]!;
    const hi = index.stateOffsets[k + 1]!;
    for (let i = lo; i < hi; i++) {
      if (index.stateCode[i] === unknownCode) continue;
      first = Math.min(first, index.stateTime[i]!);
      break;
    }
    // Back over the final run of unknown rows: the known state before it holds until a millisecond before the run.
    let i = hi - 1;
    while (i >= lo && index.stateCode[i] === unknownCode) i--;
    if (i < lo) continue;
    if (i === hi - 1) {
      last = Math.max(last, index.stateTime[i]!);
      continue;
    }
    const before = index.stateTime[i + 1]! - 1;
    const code = recordedStateAt(index, k, before);
    if (code !== NO_STATE && code !== unknownCode) last = Math.max(last, before);
  }
  return Number.isFinite(first) ? { first, last } : { first: Number.NaN, last: Number.NaN };
}
