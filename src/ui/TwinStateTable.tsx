import { STATE_LABELS } from '../twin/statePalette.ts';
import { durationText } from '../live/liveFreshness.ts';
import { useMachineStates } from './useMachineStates.ts';

export const TWIN_TABLE_ID = 'twin-state-table';

/**
 * The 3D view's text alternative: every machine's state as a table, kept current, visually hidden
 * but read by screen readers (the canvas points at it with aria-describedby).
 */
export function TwinStateTable() {
  const rows = useMachineStates();
  return (
    <table id={TWIN_TABLE_ID} className="visually-hidden" data-testid="twin-state-table">
      <caption>Machine states shown in the 3D view</caption>
      <thead>
        <tr><th scope="col">Equipment</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">For</th><th scope="col">Reason</th><th scope="col">Order</th></tr>
      </thead>
      <tbody>
        {rows === undefined
          ? <tr><td colSpan={6}>No machine states are shown: choose a state source on the timeline, connect live or open a recording.</td></tr>
          : rows.map((r) => (
            <tr key={r.id} data-equipment={r.id}>
              <th scope="row">{r.id}</th>
              <td>{r.name}</td>
              <td>{STATE_LABELS[r.state]}{r.stale ? ` (${r.freshness ?? 'stale'})` : ''}</td>
              <td>{r.minutesInState === undefined ? '—' : durationText(r.minutesInState * 60_000)}</td>
              <td>{r.reason ?? '—'}</td>
              <td>{r.order ?? '—'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
