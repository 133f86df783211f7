import { Placeholder } from './Placeholder.tsx';

/** The scheduler's workspace: make a schedule, inspect and edit it on the Gantt, approve it. */
export function SchedulePanels() {
  return (
    <Placeholder title="Schedule">
      <p>Schedule the open orders from the scenario start, the live state or the recording at the playhead; see the progress, the bound and the gap.</p>
    </Placeholder>
  );
}
