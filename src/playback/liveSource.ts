import type { Layout } from '../model/layoutSchema.ts';
import type { LiveHistory } from '../live/liveHistory.ts';
import type { LiveStates } from '../live/liveStates.ts';
import { MACHINE_STATES } from '../model/machineState.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { FRAME_STALE, stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface LiveSource extends TwinStateSource {
  readonly live: LiveStates;
  readonly history: LiveHistory | undefined;
  /** Whether layout equipment e's newest state is stale (drawn hatched: it may no longer hold). */
  isStale(e: number): boolean;
}

/**
 * The plant now, from live MQTT states: whatever the playhead, each equipment shows its newest
 * applied state. A stale one (nothing confirming it for several expected periods) and one known
 * only from the broker's old retained copy keep their last state, flagged FRAME_STALE, so the
 * scene draws it hatched and the details say "last heard … ago" / "last known, … old". Equipment
 * never heard from is unknown. With a history, time in state is summed from connect (or the oldest
 * kept event) to `now()`, whatever the playhead. Live data carries no queue levels: none are shown.
 */
export function createLiveSource(live: LiveStates, layout: Layout, label: string, startIso: string, history?: LiveHistory, now: () => number = Date.now): LiveSource {
  const ids = allEquipment(layout).map((e) => e.id);
  const startMs = Date.parse(startIso);
  return {
    label, kind: 'live', queues: false, equipmentIds: ids, startIso, horizon: 0, maxParts: 0, live, history,
    isStale: (e) => live.get(ids[e]!)?.stale === true,
    sample(_minutes: number, frame: TwinFrame): void {
      for (let e = 0; e < ids.length; e++) {
        const s = live.get(ids[e]!);
        frame.states[e] = s?.state === undefined ? stateCode.unknown : stateCode[s.state];
        frame.flags[e] = s?.state !== undefined && s.stale ? FRAME_STALE : 0;
        frame.fills[e] = 0;
      }
      frame.partCount = 0;
    },
    stateSince(e: number): number | undefined {
      const s = live.get(ids[e] ?? '');
      return s?.state === undefined ? undefined : (s.stateSince - startMs) / 60_000;
    },
    timeInState(e: number, _minutes: number, out: Float64Array): void {
      out.fill(0);
      const kpis = history?.kpis(ids[e]!, now());
      if (!kpis) return;
      MACHINE_STATES.forEach((state, i) => { out[i] = kpis.timeInState[state] / 60_000; });
    },
    activity(e: number): EquipmentActivity {
      const s = live.get(ids[e] ?? '');
      if (!s) return {};
      return {
        ...(s.order !== undefined ? { order: s.order } : {}),
        ...(s.operation !== undefined ? { operation: s.operation } : {}),
        ...(s.reason !== undefined ? { reason: s.reason } : {}),
      };
    },
  };
}

export function isLiveSource(source: TwinStateSource | undefined): source is LiveSource {
  return source !== undefined && 'live' in source && 'isStale' in source;
}
