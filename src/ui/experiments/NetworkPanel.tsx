import { useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { formatProblem } from '../../model/problem.ts';
import { bundledNetworks } from '../../state/bundledStudies.ts';
import { centreView } from '../../state/centreView.ts';
import { readChosenFiles, readDroppedFiles } from '../../state/chosenFiles.ts';
import type { TextFile } from '../../state/openPlant.ts';
import { networkStore } from '../../state/networkStore.ts';
import './experiments.css';

const samples = [...bundledNetworks.keys()].sort();

// React's typings lack the folder picker's attribute; Chromium, Firefox and Safari all have it.
const folderPicker = { webkitdirectory: '' } as Record<string, string>;

/** Runs a network file's sites; the sites side by side open in the workspace's centre (NetworkView). */
export function NetworkPanel() {
  const state = useStore(networkStore);
  const shown = useStore(centreView, (s) => s.simulate === 'network');
  const [choice, setChoice] = useState(samples[0] ?? '');
  const [dragging, setDragging] = useState(false);
  const { plan, sites, status } = state;
  const open = (files: Promise<TextFile[]>) => {
    centreView.getState().showResults('network');
    void files.then((read) => state.open(read));
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    open(readDroppedFiles(e.dataTransfer));
  };
  return (
    <section className={`live-panel${dragging ? ' drop-target' : ''}`} aria-label="Network" data-testid="network-panel"
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={() => setDragging(false)} onDrop={drop}>
      <h3 className="panel-title">Network</h3>
      <div className="live-actions">
        <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Network file" data-testid="network-file">
          {samples.map((s) => <option key={s} value={s}>{s.replace(/^networks\//, '')}</option>)}
        </select>
        <button type="button" disabled={status === 'running'} data-testid="network-run"
          onClick={() => { centreView.getState().showResults('network'); void state.run({ name: choice, text: bundledNetworks.get(choice)! }); }}>Run sites</button>
      </div>
      <p className="live-note">Or your own network with its scenario, layout and recording files:{' '}
        <label className="file-button">Files…<input type="file" multiple accept=".json,.csv,.jsonl,.ndjson,.txt,.shdr,.log" data-testid="network-open"
          onChange={(e) => { if (e.target.files?.length) open(readChosenFiles(e.target.files)); e.target.value = ''; }} /></label>{' '}
        <label className="file-button">Folder…<input type="file" {...folderPicker} data-testid="network-open-folder"
          onChange={(e) => { if (e.target.files?.length) open(readChosenFiles(e.target.files)); e.target.value = ''; }} /></label>
        {' '}(or drop them here)</p>
      {status === 'running' && <p><progress /> simulating every site… <button type="button" onClick={() => state.cancel()}>Cancel</button></p>}
      {status === 'invalid' && <ul className="field-error" data-testid="network-problems">{state.problems.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>}
      {state.warnings.length > 0 && status === 'done' && <ul className="live-note" data-testid="network-warnings">{state.warnings.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>}
      {status === 'failed' && <p className="field-error">{state.error}</p>}
      {plan && status === 'done' && (
        <p className="live-note">{plan.network.name}: {sites.length} sites.{' '}
          <button type="button" onClick={() => centreView.getState().showResults(shown ? undefined : 'network')} aria-pressed={shown}>{shown ? 'Hide sites' : 'Show sites'}</button></p>
      )}
    </section>
  );
}
