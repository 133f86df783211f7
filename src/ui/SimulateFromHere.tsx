import { fromHereStore, useFromHere } from '../state/fromHereStore.ts';
import { useLive } from '../state/liveStore.ts';
import { usePlayback, useTwin } from '../state/twinStore.ts';
import type { Interval } from '../sim/confidence.ts';
import { isRecordingSource } from '../playback/recordingSource.ts';
import './livePanels.css';

function pm(i: Interval, scale = 1, digits = 1): string {
  const mean = (i.mean * scale).toFixed(digits);
  return Number.isFinite(i.halfWidth) ? `${mean} ± ${(i.halfWidth * scale).toFixed(digits)}` : mean;
}

/** Simulates the next hours from the live states, or from the recording at the timeline cursor. */
export function SimulateFromHere() {
  const hasScenario = useTwin((s) => s.plant?.scenario !== undefined);
  const recording = usePlayback((s) => isRecordingSource(s.source));
  const live = useLive((s) => s.source !== undefined);
  const status = useFromHere((s) => s.status);
  const progress = useFromHere((s) => s.progress);
  const hours = useFromHere((s) => s.hours);
  const started = useFromHere((s) => s.started);
  const summary = useFromHere((s) => s.summary);
  const error = useFromHere((s) => s.error);
  if (!recording && !live && status === 'idle') return null;
  const store = fromHereStore.getState();
  const k = summary?.kpis.intervals;
  return (
    <section className="live-panel" aria-label="Simulate from here" data-testid="from-here">
      <div className="live-actions">
        <button type="button" onClick={() => void store.run()} disabled={!hasScenario || status === 'running' || (!recording && !live)} data-testid="simulate-from-here"
          title={hasScenario ? 'Start the scenario from the states shown and simulate the next hours' : 'Open a scenario to simulate from here'}>Simulate from here</button>
        <label>
          <input type="number" min={1} max={336} value={hours} onChange={(e) => store.setHours(Number(e.target.value))} aria-label="Hours ahead" data-testid="from-here-hours" style={{ width: 56 }} />
          {' '}h ahead
        </label>
      </div>
      {status === 'running' && (
        <p><progress value={progress} max={1} />{' '}
          <button type="button" onClick={() => store.cancel()} data-testid="from-here-cancel">Cancel</button></p>
      )}
      {status === 'cancelled' && <p className="live-note">Cancelled.</p>}
      {started && (
        <p className="live-note" data-testid="from-here-snapshot">
          From {started.from === 'live' ? 'live states' : 'the recording'} at {started.timeIso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}: {started.equipment} equipment
          {started.dropped.length > 0 ? `, ${started.dropped.length} left out (${started.dropped.slice(0, 3).join('; ')})` : ''}
        </p>
      )}
      {status === 'failed' && <p className="field-error" data-testid="from-here-error">{error}</p>}
      {k && summary && (
        <dl className="live-form" data-testid="from-here-kpis">
          <dt>Throughput</dt><dd data-testid="from-here-throughput">{pm(k.unitsPerDay, 1, 0)} units/day</dd>
          <dt>On time</dt><dd>{pm(k.onTimeRate, 100)} %</dd>
          <dt>WIP</dt><dd>{pm(k.wipUnits, 1, 0)} units</dd>
          <dt>Runs</dt><dd>{summary.replications}, {Math.round(summary.level * 100)} % intervals</dd>
        </dl>
      )}
    </section>
  );
}
