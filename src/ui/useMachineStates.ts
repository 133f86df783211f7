import { useEffect, useMemo, useState } from 'react';
import { freshness } from '../live/liveFreshness.ts';
import type { MachineState } from '../model/machineState.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { isLiveSource } from '../playback/liveSource.ts';
import { createTwinFrame, FRAME_STALE, stateName, type TwinStateSource } from '../playback/stateSource.ts';
import { playback, playhead, usePlayback, useTwin } from '../state/twinStore.ts';

/** What one machine is doing at the playhead, as text-friendly data for the tree, lists and tables. */
export interface MachineRow {
  id: string;
  name: string;
  state: MachineState;
  /** The state may no longer hold (live: not confirmed in time, or an old retained copy). */
  stale: boolean;
  /** "last heard 3 min ago" and the like, for live states. */
  freshness?: string;
  /** Minutes the state has lasted at the playhead (live: until now), when the source knows. */
  minutesInState?: number;
  reason?: string;
  order?: string;
}

const REFRESH_MS = 500;

/** Samples `source` at `minutes` into rows for the layout's equipment (in layout order). */
export function machineRows(source: TwinStateSource | undefined, equipment: readonly { id: string; name: string }[], minutes: number, now: number): MachineRow[] | undefined {
  if (!source) return undefined;
  const frame = createTwinFrame({ ...source, maxParts: 0 });
  source.sample(minutes, frame);
  const index = new Map(source.equipmentIds.map((id, i) => [id, i]));
  const live = isLiveSource(source) ? source.live : undefined;
  const nowMinutes = live ? (now - Date.parse(source.startIso)) / 60_000 : minutes;
  return equipment.map((e) => {
    const i = index.get(e.id);
    if (i === undefined) return { id: e.id, name: e.name, state: 'unknown', stale: false };
    const activity = source.activity?.(i, minutes) ?? {};
    const since = source.stateSince?.(i, minutes);
    const heard = live?.get(e.id);
    return {
      id: e.id, name: e.name, state: stateName(frame.states[i]!), stale: frame.flags[i] === FRAME_STALE,
      ...(heard ? { freshness: freshness(heard, now).text } : {}),
      ...(since !== undefined ? { minutesInState: Math.max(0, nowMinutes - since) } : {}),
      ...(activity.reason !== undefined ? { reason: activity.reason } : {}),
      ...(activity.order !== undefined ? { order: activity.order } : {}),
    };
  });
}

/**
 * The rows at the playhead, refreshed twice a second and whenever the clock says the picture
 * changed (a seek, a live message): text views follow the scene without a render per frame.
 */
export function useMachineStates(): MachineRow[] | undefined {
  const source = usePlayback((s) => s.source);
  const layout = useTwin((s) => s.plant?.layout);
  const equipment = useMemo(() => (layout ? allEquipment(layout) : []), [layout]);
  const [rows, setRows] = useState<MachineRow[] | undefined>(undefined);
  useEffect(() => {
    let due = true;
    const update = () => { due = false; setRows(machineRows(source, equipment, playhead.minutes, Date.now())); };
    update();
    const unsubscribe = playback.subscribe(() => { due = true; });
    const timer = setInterval(() => { if (due || source?.kind === 'live') update(); }, REFRESH_MS);
    return () => { unsubscribe(); clearInterval(timer); };
  }, [source, equipment]);
  return rows;
}

/** Down, blocked and stale machines, longest in that state first: what a supervisor looks at first. */
export function needsAttention(rows: readonly MachineRow[]): MachineRow[] {
  return rows
    .filter((r) => r.state === 'down' || r.state === 'blocked' || r.stale)
    .sort((a, b) => (b.minutesInState ?? -1) - (a.minutesInState ?? -1) || a.id.localeCompare(b.id));
}
