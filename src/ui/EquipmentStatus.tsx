import { useMemo } from 'react';
import { useLive } from '../state/liveStore.ts';
import { usePlayback } from '../state/twinStore.ts';
import type { Equipment } from '../model/layoutSchema.ts';
import { MACHINE_STATES } from '../model/machineState.ts';
import { STATE_COLOURS, STATE_LABELS } from '../twin/statePalette.ts';
import { createTwinFrame, stateName } from '../playback/stateSource.ts';
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
  const activity = source.activity?.(index, minutes) ?? {};
  const fill = frame.fills[index] ?? 0;
  const timeInState = new Float64Array(MACHINE_STATES.length);
  source.timeInState(index, minutes, timeInState);
  return (
    <div className="status" data-testid="equipment-status">
      <dl>
        <dt>State</dt>
        <dd data-testid="equipment-state"><span className="swatch" style={{ background: STATE_COLOURS[state] }} />{STATE_LABELS[state]}</dd>
        <dt>Order</dt><dd>{activity.order ?? '—'}</dd>
        <dt>Operation</dt><dd>{activity.operation ?? '—'}</dd>
        {equipment.inputBuffer !== undefined && (
          <><dt>Queue</dt><dd>{Math.round(fill * equipment.inputBuffer)} of {equipment.inputBuffer} parts</dd></>
        )}
      </dl>
      <h3>Time in state so far</h3>
      <TimeInStateChart minutes={timeInState} />
      <OeeSoFar equipmentId={equipment.id} minutesInState={timeInState} />
    </div>
  );
}
