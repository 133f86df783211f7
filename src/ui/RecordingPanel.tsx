import { useState } from 'react';
import { replayStore, useReplay } from '../state/replayStore.ts';
import { RecordingMappingDialog } from './RecordingMappingDialog.tsx';
import './livePanels.css';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** The recording being replayed: reading progress, events read and bad lines skipped. */
export function RecordingPanel() {
  const status = useReplay((s) => s.status);
  const name = useReplay((s) => s.name);
  const progress = useReplay((s) => s.progress);
  const events = useReplay((s) => s.events);
  const badLines = useReplay((s) => s.badLines);
  const problems = useReplay((s) => s.problems);
  const match = useReplay((s) => s.match);
  const [mapping, setMapping] = useState(false);
  if (status === 'idle') return null;
  const total = progress?.totalBytes;
  return (
    <section className="live-panel" aria-label="Recording" data-testid="recording-panel">
      <h3>Recording <span className="live-file">{name}</span></h3>
      {status === 'reading' && (
        <>
          <progress value={total ? progress!.bytes : undefined} max={total ?? 1} aria-label={`Reading ${name ?? 'the recording'}`} data-testid="recording-progress" />
          <p className="live-note">
            {progress ? `${megabytes(progress.bytes)}${total ? ` of ${megabytes(total)}` : ''}, ${progress.events.toLocaleString()} events` : 'Reading…'}
            {' '}<button type="button" onClick={() => replayStore.getState().cancel()}>Cancel</button>
          </p>
        </>
      )}
      {status !== 'reading' && (
        <p className="live-note" data-testid="recording-status">
          {events.toLocaleString()} events, <span data-testid="recording-bad-lines">{badLines}</span> bad {badLines === 1 ? 'line' : 'lines'} skipped
          {status === 'failed' && problems[0] ? ` — ${problems[0].expected}: ${problems[0].found}` : ''}
        </p>
      )}
      {match && (
        <div className="recording-match" data-testid="recording-match">
          <p className="live-note">
            {match.matched.length} of {match.matched.length + match.unmapped.length} recorded device{match.matched.length + match.unmapped.length === 1 ? '' : 's'} shown
            {match.matched.some((m) => m.by === 'mapping') ? ` (${match.matched.filter((m) => m.by === 'mapping').map((m) => `${m.recorded} → ${m.equipment}`).join(', ')})` : ''}.
          </p>
          {match.unmapped.length > 0 && (
            <p className="field-warning" role="status" data-testid="recording-unmapped">
              Not in the layout: {match.unmapped.slice(0, 5).join(', ')}{match.unmapped.length > 5 ? ` and ${match.unmapped.length - 5} more` : ''}. Their states are not shown.
            </p>
          )}
          <button type="button" onClick={() => setMapping(true)} data-testid="recording-map">Map devices…</button>
          <RecordingMappingDialog open={mapping} onClose={() => setMapping(false)} />
        </div>
      )}
    </section>
  );
}
