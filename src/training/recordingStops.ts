import { STATE } from '../sim/plant/stateLog.ts';
import type { RecordingIndex } from '../live/recordingIndex.ts';
import { AlarmRecorder, type AlarmOccurrence } from './alarms.ts';
import type { Lesson } from './lessonSchema.ts';

/** An interval of a recording, ms since the epoch. */
export type Span = readonly [number, number];

/**
 * The stops of recorded equipment k up to `until`: maximal stretches in which it was not
 * processing, from its first recorded state on. "No data" (unknown, e.g. between concatenated
 * recordings) counts as stopped: nothing shows the machine making parts then.
 */
export function stopsOf(index: RecordingIndex, k: number, until: number): Span[] {
  const lo = index.stateOffsets[k]!;
  const hi = index.stateOffsets[k + 1]!;
  const stops: Span[] = [];
  let from = NaN;
  for (let i = lo; i < hi; i++) {
    const t = index.stateTime[i]!;
    if (t > until) break;
    const processing = index.stateCode[i] === STATE.processing;
    if (!processing && Number.isNaN(from)) from = t;
    if (processing && !Number.isNaN(from)) {
      if (t > from) stops.push([from, t]);
      from = NaN;
    }
  }
  if (!Number.isNaN(from) && until > from) stops.push([from, until]);
  return stops;
}

/** The longest stop (the earliest among equals), or undefined when k never stopped. */
export function longestStop(stops: readonly Span[]): Span | undefined {
  let best: Span | undefined;
  for (const s of stops) if (!best || s[1] - s[0] > best[1] - best[0]) best = s;
  return best;
}

/**
 * Alarms of a recording lesson, from the recorded states: machine-down while the state is
 * down, stale-data while it is unknown (no data). Times in minutes from `zero`.
 */
export function recordingAlarms(lesson: Lesson, index: RecordingIndex, zero: number, until: number): AlarmOccurrence[] {
  const recorder = new AlarmRecorder();
  const minute = (ms: number): number => (ms - zero) / 60_000;
  index.equipmentIds.forEach((id, k) => {
    for (const rule of lesson.alarms) {
      if (rule.kind === 'order-at-risk' || (rule.equipment && !rule.equipment.includes(id))) continue;
      const watched = rule.kind === 'machine-down' ? STATE.down : STATE.unknown;
      const message = rule.kind === 'machine-down' ? `${id} is down` : `no data from ${id} (stale)`;
      for (let i = index.stateOffsets[k]!; i < index.stateOffsets[k + 1]!; i++) {
        const t = index.stateTime[i]!;
        if (t > until) break;
        recorder.set(rule, id, index.stateCode[i] === watched, minute(t), message);
      }
    }
  });
  return recorder.occurrences.sort((a, b) => a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : 1));
}
