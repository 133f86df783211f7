import './experiments.css';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { bundledExperiments } from '../../state/bundledStudies.ts';
import { centreView } from '../../state/centreView.ts';
import { experimentStore } from '../../state/experimentStore.ts';
import { readFiles } from '../../state/readFiles.ts';
import { LibraryComparison } from './LibraryComparison.tsx';
import { twinStore } from '../../state/twinStore.ts';
import { formatProblem } from '../../model/problem.ts';

const samples = [...bundledExperiments.keys()].sort();

declare global {
  interface Window { __experimentResult?: unknown }
}

/**
 * Runs an experiment file (a bundled one or one opened from disk) on the worker pool: scenarios
 * side by side or a sweep, and the best choice with its guarantee. Results open in the workspace's
 * centre above the twin (SimulateMain).
 */
export function ExperimentPanel() {
  const state = useStore(experimentStore);
  const [choice, setChoice] = useState(samples[0] ?? '');
  const shown = useStore(centreView, (s) => s.simulate === 'experiment');
  const setShown = (on: boolean) => centreView.getState().showResults(on ? 'experiment' : undefined);
  const { status, result, focus } = state;

  useEffect(() => {
    window.__experimentResult = result;
    const bottleneck = result?.systems[focus]?.bottleneck?.id;
    if (bottleneck) twinStore.getState().select(bottleneck);
  }, [result, focus]);

  const runSample = () => {
    setShown(true);
    void state.run({ name: choice, text: bundledExperiments.get(choice)! });
  };
  const open = async (files: FileList | null) => {
    const [file] = files ? await readFiles(files) : [];
    if (file) {
      setShown(true);
      void state.run(file);
    }
  };
  return (
    <section className="live-panel" aria-label="Experiment" data-testid="experiment-panel">
      <h3 className="panel-title">Experiment</h3>
      <div className="live-actions">
        <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Experiment file" data-testid="experiment-file">
          {samples.map((s) => <option key={s} value={s}>{s.replace(/^experiments\//, '')}</option>)}
        </select>
        <button type="button" onClick={runSample} disabled={status === 'running' || status === 'loading'} data-testid="experiment-run">Run</button>
      </div>
      <label className="live-note">or open an experiment file <input type="file" accept=".json" onChange={(e) => void open(e.target.files)} data-testid="experiment-open" /></label>
      <LibraryComparison />
      {(status === 'running' || status === 'loading') && (
        <p><progress value={state.done} max={Math.max(1, state.total)} /> {state.done}/{state.total} replications{' '}
          <button type="button" onClick={() => state.cancel()} data-testid="experiment-cancel">Cancel</button></p>
      )}
      {status === 'cancelled' && <p className="live-note">Cancelled.</p>}
      {status === 'failed' && <p className="field-error">{state.error}</p>}
      {status === 'invalid' && (
        <ul className="field-error" data-testid="experiment-problems">{state.problems.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>
      )}
      {result && status === 'done' && (
        <p className="live-note">
          {result.experiment.id}: {result.systems.length} systems{result.selection?.best ? `, best ${result.selection.best}` : ''}.{' '}
          <button type="button" onClick={() => setShown(!shown)} data-testid="experiment-toggle" aria-pressed={shown}>{shown ? 'Hide results' : 'Show results'}</button>
        </p>
      )}
    </section>
  );
}
