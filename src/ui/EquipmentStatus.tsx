import { useMemo } from 'react';
import { useLive } from '../state/liveStore.ts';
import { usePlayback } from '../state/twinStore.ts';
import type { Equipment } from '../model/layoutSchema.ts';
import { MACHINE_STATES } from '../model/machineState.ts';
import { durationText, freshness } from '../live/liveFreshness.ts';
import { isLiveSource } from '../playback/liveSource.ts';
import { STATE_COLOURS, STATE_LABELS, STATE_LETTERS } from '../twin/statePalette.ts';
import { createTwinFrame, FRAME_STALE, stateName } from '../playback/stateSource.ts';
import { OeeSoFar } from './OeeSoFar.tsx';
import { TimeInStateChart } from './TimeInStateChart.tsx';
import { usePlantMinutes } from './usePlantMinutes.ts';

/** What the selected equipment is doing at the playhead, from the state source. */
export function EquipmentStatus({ equipment }: { equipment: Equipment }) {
  const source = usePlayback((s) => s.source);
  const minutes = usePlantMinutes();
  // Live time in state runs on with the clock, not the playhead: redraw with the live panel's refresh.
  useLive((s) => (s.source ? s.now : 0));
  // A frame of its own: the panel samples at its own pace, never touching the scene's arrays.
  const frame = useMemo(() => (source ? createTwinFrame({ ...source, maxParts: 0 }) : undefined), [source]);
  if (!source || !frame) return null;
  const index = source.equipmentIds.indexOf(equipment.id);
  if (index < 0) return <p className="status-note">The state source has no data for this equipment.</p>;
  source.sample(minutes, frame);
  const state = stateName(frame.states[index] ?? MACHINE_STATES.indexOf('unknown'));
  const stale = frame.flags[index] === FRAME_STALE;
  const activity = source.activity?.(index, minutes) ?? {};
  const fill = frame.fills[index] ?? 0;
  const live = isLiveSource(source) ? source.live.get(equipment.id) : undefined;
  const now = Date.now();
  const since = source.stateSince?.(index, minutes);
  const lasted = since === undefined ? undefined : (live ? (now - Date.parse(source.startIso)) / 60_000 : minutes) - since;
  const timeInState = new Float64Array(MACHINE_STATES.length);
  source.timeInState(index, minutes, timeInState);
  return (
    <div className="status" data-testid="equipment-status">
      <dl>
        <dt>State</dt>
        <dd data-stale={stale || undefined}>
          <span className={`swatch${stale ? ' stale' : ''}`} style={{ background: STATE_COLOURS[state] }} />
          <abbr className="state-letter" title={`The letter on the 3D view: ${STATE_LETTERS[state]} = ${STATE_LABELS[state]}`}>{STATE_LETTERS[state]}</abbr>{' '}
          <span data-testid="equipment-state">{STATE_LABELS[state]}</span>
        </dd>
        {live && <><dt>Heard</dt><dd data-testid="equipment-freshness" className={stale ? 'stale-text' : undefined}>{freshness(live, now).text}</dd></>}
        {lasted !== undefined && <><dt>For</dt><dd data-testid="equipment-state-for">{durationText(Math.max(0, lasted) * 60_000)}</dd></>}
        {activity.reason !== undefined && <><dt>Reason</dt><dd data-testid="equipment-reason">{activity.reason}</dd></>}
        {activity.order !== undefined && <><dt>Order</dt><dd data-testid="equipment-order">{activity.order}</dd></>}
        {activity.operation !== undefined && <><dt>Operation</dt><dd>{activity.operation}</dd></>}
        {source.queues === true && equipment.inputBuffer !== undefined && (
          <><dt>Queue</dt><dd>{Math.round(fill * equipment.inputBuffer)} of {equipment.inputBuffer} parts</dd></>
        )}
      </dl>
      <h3>Time in state so far</h3>
      <TimeInStateChart minutes={timeInState} />
      <OeeSoFar equipmentId={equipment.id} minutesInState={timeInState} />
    </div>
  );
}
