import { fromHereStore, useFromHere } from '../state/fromHereStore.ts';
import { useLive } from '../state/liveStore.ts';
import { usePlayback, useTwin } from '../state/twinStore.ts';
import { isRecordingSource } from '../playback/recordingSource.ts';
import { KpiLabel, KPIS, KpiValue } from './kpis.tsx';
import { NumberField } from './NumberField.tsx';
import './livePanels.css';

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');

/** Simulates the next hours from the live states, or from the recording at the timeline cursor. */
export function SimulateFromHere() {
  const hasScenario = useTwin((s) => s.plant?.scenario !== undefined);
  const recording = usePlayback((s) => isRecordingSource(s.source));
  const live = useLive((s) => s.source !== undefined);
  const status = useFromHere((s) => s.status);
  const progress = useFromHere((s) => s.progress);
  const hours = useFromHere((s) => s.hours);
  const started = useFromHere((s) => s.started);
  const refusal = useFromHere((s) => s.refusal);
  const summary = useFromHere((s) => s.summary);
  const error = useFromHere((s) => s.error);
  if (!recording && !live && status === 'idle') return null;
  const store = fromHereStore.getState();
  const running = status === 'running';
  const k = summary?.kpis.intervals;
  return (
    <section className="live-panel" aria-label="Simulate from here" data-testid="from-here">
      <div className="live-actions">
        <button type="button" onClick={() => void store.run()} disabled={!hasScenario || running || (!recording && !live)} data-testid="simulate-from-here"
          title={hasScenario ? 'Start the scenario from the states shown and simulate the next hours' : 'Open a scenario to simulate from here'}>Simulate from here</button>
        <NumberField label="Hours ahead" value={hours} min={1} max={336} integer onCommit={(h) => store.setHours(h)} testId="from-here-hours" size={4} unit="h" />
      </div>
      {running && (
        <p><progress value={progress} max={1} aria-label="Simulate from here progress" />{' '}
          <button type="button" onClick={() => store.cancel()} data-testid="from-here-cancel">Cancel</button></p>
      )}
      {status === 'cancelled' && <p className="live-note">Cancelled.</p>}
      <p className="visually-hidden" role="status">{running ? 'Simulating from here…' : status === 'done' ? 'Simulation from here finished.' : status === 'refused' ? 'Simulate from here was refused.' : ''}</p>
      {status === 'refused' && refusal && (
        <div className="field-error" role="alert" data-testid="from-here-refused">
          <p>Cannot simulate from here: {refusal.reason}.</p>
          <details>
            <summary>No known state for {refusal.withoutData.length} pieces of equipment</summary>
            <p data-testid="from-here-without-data">{refusal.withoutData.join(', ')}</p>
          </details>
        </div>
      )}
      {started && status !== 'refused' && (
        <div className="live-note" data-testid="from-here-snapshot-block">
          <p data-testid="from-here-snapshot">
            From {started.from === 'live' ? 'live states' : 'the recording'} at {utc(started.timeIso)}: {started.equipment} equipment
            {started.dropped.length > 0 ? `, ${started.dropped.length} left out (${started.dropped.slice(0, 3).join('; ')})` : ''}
          </p>
          <p data-testid="from-here-start-states">Start state: {started.states.slice(0, 6).join(', ')}{started.states.length > 6 ? ` and ${started.states.length - 6} more` : ''}</p>
          {started.notes.map((n) => <p key={n} data-testid="from-here-note">Note: {n}.</p>)}
        </div>
      )}
      {status === 'failed' && <p className="field-error" data-testid="from-here-error">{error}</p>}
      {k && summary && (
        <div className={running ? 'results-outdated' : undefined} aria-busy={running} data-outdated={running || undefined}>
          {running && <p className="live-note">Results of the previous run; a new one is computing.</p>}
          <dl className="live-form" data-testid="from-here-kpis">
            <dt><KpiLabel kpi={KPIS.unitsPerDay} /></dt><dd><KpiValue kpi={KPIS.unitsPerDay} interval={k.unitsPerDay} testId="from-here-throughput" /></dd>
            <dt><KpiLabel kpi={KPIS.onTimeRate} /></dt><dd><KpiValue kpi={KPIS.onTimeRate} interval={k.onTimeRate} testId="from-here-on-time" /></dd>
            <dt><KpiLabel kpi={KPIS.leadTimeMean} /></dt><dd><KpiValue kpi={KPIS.leadTimeMean} interval={k.leadTimeMean} /></dd>
            <dt><KpiLabel kpi={KPIS.wipUnits} /></dt><dd><KpiValue kpi={KPIS.wipUnits} interval={k.wipUnits} /></dd>
            <dt>Runs</dt><dd>{summary.replications}, {Math.round(summary.level * 100)} % intervals</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
