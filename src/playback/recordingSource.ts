import type { Layout } from '../model/layoutSchema.ts';
import { indexRecording, lastAtOrBefore, recordedJobAt, type RecordingIndex } from '../live/recordingIndex.ts';
import { NO_STATE, NO_TEXT, type StateColumns } from '../live/stateColumns.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { nextChange, runStart, stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface RecordingSource extends TwinStateSource {
  readonly index: RecordingIndex;
  /** Epoch ms of minute 0. */
  readonly startMs: number;
}

/**
 * Replays a recorded shift in the twin: per layout equipment, its recorded state by binary search
 * (unknown before its first state, and for equipment the recording does not name). Times are
 * minutes from the recording's first event, floored to the minute so the clock reads round.
 */
export function createRecordingSource(columns: StateColumns, layout: Layout, label: string): RecordingSource {
  const index = indexRecording(columns);
  const ids = allEquipment(layout).map((e) => e.id);
  const recorded = new Map(index.equipmentIds.map((id, k) => [id, k]));
  const toRecording = Int32Array.from(ids, (id) => recorded.get(id) ?? -1);
  const startMs = Number.isNaN(index.firstMs) ? 0 : Math.floor(index.firstMs / 60_000) * 60_000;
  const horizon = Number.isNaN(index.lastMs) ? 1 : Math.max(1, (index.lastMs - startMs) / 60_000);
  const { stateOffsets, stateTime, stateCode: codes, stateReason } = index;
  const changes = Float64Array.from(stateTime, (t) => (t - startMs) / 60_000).sort();
  const rowAt = (k: number, minutes: number) => lastAtOrBefore(stateTime, stateOffsets[k]!, stateOffsets[k + 1]!, startMs + minutes * 60_000);

  function codeAt(e: number, minutes: number): number {
    const k = toRecording[e] ?? -1;
    if (k < 0) return stateCode.unknown;
    const lo = stateOffsets[k]!;
    const i = lastAtOrBefore(stateTime, lo, stateOffsets[k + 1]!, startMs + minutes * 60_000);
    const code = i < lo ? NO_STATE : codes[i]!;
    return code === NO_STATE ? stateCode.unknown : code;
  }

  return {
    label, kind: 'recording', queues: false, equipmentIds: ids, startIso: new Date(startMs).toISOString(), horizon, maxParts: 0, index, startMs,
    sample(minutes: number, frame: TwinFrame): void {
      for (let e = 0; e < ids.length; e++) {
        frame.states[e] = codeAt(e, minutes);
        frame.fills[e] = 0;
      }
      frame.partCount = 0;
    },
    timeInState(e: number, minutes: number, out: Float64Array): void {
      out.fill(0);
      const k = toRecording[e] ?? -1;
      const until = startMs + Math.min(Math.max(minutes, 0), horizon) * 60_000;
      if (k < 0) {
        out[stateCode.unknown] = (until - startMs) / 60_000;
        return;
      }
      let since = startMs;
      let code: number = stateCode.unknown;
      for (let i = stateOffsets[k]!; i < stateOffsets[k + 1]! && stateTime[i]! < until; i++) {
        if (stateTime[i]! > since) out[code]! += (stateTime[i]! - since) / 60_000;
        since = Math.max(since, stateTime[i]!);
        code = codes[i]!;
      }
      if (until > since) out[code]! += (until - since) / 60_000;
    },
    activity(e: number, minutes: number): EquipmentActivity {
      const k = toRecording[e] ?? -1;
      if (k < 0) return {};
      const i = rowAt(k, minutes);
      const reason = i >= stateOffsets[k]! && stateReason[i] !== NO_TEXT ? index.texts[stateReason[i]!] : undefined;
      return { ...recordedJobAt(index, k, startMs + minutes * 60_000), ...(reason !== undefined ? { reason } : {}) };
    },
    stateSince(e: number, minutes: number): number | undefined {
      const k = toRecording[e] ?? -1;
      if (k < 0) return undefined;
      const t = runStart(stateTime, codes, stateOffsets[k]!, rowAt(k, minutes));
      return t === undefined ? undefined : (t - startMs) / 60_000;
    },
    nextEvent: (minutes) => nextChange(changes, minutes),
  };
}

export function isRecordingSource(source: TwinStateSource | undefined): source is RecordingSource {
  return source !== undefined && 'index' in source && 'startMs' in source;
}
