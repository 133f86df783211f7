import type { Layout } from '../model/layoutSchema.ts';
import type { LiveStates } from '../live/liveStates.ts';
import { allEquipment } from './plantEquipment.ts';
import { stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface LiveSource extends TwinStateSource {
  readonly live: LiveStates;
  /** Whether layout equipment e's newest state is stale (drawn in the unknown colour). */
  isStale(e: number): boolean;
}

/**
 * The plant now, from live MQTT states: whatever the playhead, each equipment shows its newest
 * applied state; a stale one (no message for several expected periods) is shown as unknown, since
 * its last state may no longer hold. Equipment never heard from is unknown too.
 */
export function createLiveSource(live: LiveStates, layout: Layout, label: string, startIso: string): LiveSource {
  const ids = allEquipment(layout).map((e) => e.id);
  const codeOf = (e: number): number => {
    const s = live.get(ids[e]!);
    return !s || s.stale || s.state === undefined ? stateCode.unknown : stateCode[s.state];
  };
  return {
    label, equipmentIds: ids, startIso, horizon: 0, maxParts: 0, live,
    isStale: (e) => live.get(ids[e]!)?.stale === true,
    sample(_minutes: number, frame: TwinFrame): void {
      for (let e = 0; e < ids.length; e++) {
        frame.states[e] = codeOf(e);
        frame.fills[e] = 0;
      }
      frame.partCount = 0;
    },
    // Live data keeps no history here; the current state has lasted "now", nothing is summed.
    timeInState(_e: number, _minutes: number, out: Float64Array): void {
      out.fill(0);
    },
    activity(e: number): EquipmentActivity {
      const s = live.get(ids[e] ?? '');
      if (!s) return {};
      return { ...(s.order !== undefined ? { order: s.order } : {}), ...(s.operation !== undefined ? { operation: s.operation } : {}) };
    },
  };
}
