import { replayStore, useReplay } from '../state/replayStore.ts';
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
  if (status === 'idle') return null;
  const total = progress?.totalBytes;
  return (
    <section className="live-panel" aria-label="Recording" data-testid="recording-panel">
      <h3>Recording <span className="live-file">{name}</span></h3>
      {status === 'reading' && (
        <>
          <progress value={total ? progress!.bytes : undefined} max={total ?? 1} data-testid="recording-progress" />
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
    </section>
  );
}
