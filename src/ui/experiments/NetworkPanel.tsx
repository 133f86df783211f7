import { useState } from 'react';
import { useStore } from 'zustand';
import { formatProblem } from '../../model/problem.ts';
import { bundledNetworks } from '../../state/bundledStudies.ts';
import { centreView } from '../../state/centreView.ts';
import { networkStore } from '../../state/networkStore.ts';
import './experiments.css';

const samples = [...bundledNetworks.keys()].sort();

/** Runs a network file's sites; the sites side by side open in the workspace's centre (NetworkView). */
export function NetworkPanel() {
  const state = useStore(networkStore);
  const shown = useStore(centreView, (s) => s.simulate === 'network');
  const [choice, setChoice] = useState(samples[0] ?? '');
  const { plan, sites, status } = state;
  return (
    <section className="live-panel" aria-label="Network" data-testid="network-panel">
      <h3 className="panel-title">Network</h3>
      <div className="live-actions">
        <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Network file" data-testid="network-file">
          {samples.map((s) => <option key={s} value={s}>{s.replace(/^networks\//, '')}</option>)}
        </select>
        <button type="button" disabled={status === 'running'} data-testid="network-run"
          onClick={() => { centreView.getState().showResults('network'); void state.run({ name: choice, text: bundledNetworks.get(choice)! }); }}>Run sites</button>
      </div>
      {status === 'running' && <p><progress /> simulating every site… <button type="button" onClick={() => state.cancel()}>Cancel</button></p>}
      {status === 'invalid' && <ul className="field-error" data-testid="network-problems">{state.problems.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>}
      {status === 'failed' && <p className="field-error">{state.error}</p>}
      {plan && status === 'done' && (
        <p className="live-note">{plan.network.name}: {sites.length} sites.{' '}
          <button type="button" onClick={() => centreView.getState().showResults(shown ? undefined : 'network')} aria-pressed={shown}>{shown ? 'Hide sites' : 'Show sites'}</button></p>
      )}
    </section>
  );
}
