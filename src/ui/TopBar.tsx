import { useMemo, useRef } from 'react';
import { bundledSamples } from '../state/bundledSamples.ts';
import { OPEN_ACCEPT } from '../state/recordingFiles.ts';
import { openAnyFiles } from '../state/replayStore.ts';
import { sampleCatalogue } from '../state/sampleCatalogue.ts';
import { twinStore, useTwin } from '../state/twinStore.ts';

async function openChosen(input: HTMLInputElement) {
  if (!input.files || input.files.length === 0) return;
  const files = Array.from(input.files);
  // Clearing lets the same file be chosen again after the user fixed it.
  input.value = '';
  await openAnyFiles(files);
}

/** Plant name, sample picker, Open…, and the keyboard-shortcuts list. */
export function TopBar({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const layoutName = useTwin((s) => s.plant?.layout.name);
  const scenarioName = useTwin((s) => s.plant?.scenario?.name);
  const shownFile = useTwin((s) => s.plant?.scenarioFile ?? s.plant?.layoutFile);
  const opening = useTwin((s) => s.opening);
  const input = useRef<HTMLInputElement>(null);
  const samples = useMemo(() => sampleCatalogue(bundledSamples), []);
  const current = shownFile !== undefined && bundledSamples.has(shownFile) ? shownFile : '';

  return (
    <header className="top-bar">
      <div className="brand">Plant Twin</div>
      <div className="plant-title">
        <h1 data-testid="plant-name">{layoutName ?? 'No plant open'}</h1>
        {scenarioName && <span className="scenario-name" data-testid="scenario-name">{scenarioName}</span>}
        {shownFile && <span className="plant-file">{shownFile}</span>}
      </div>
      <div className="actions">
        {opening && <span className="busy" aria-live="polite">Opening…</span>}
        <label className="sample-picker">
          <span>Sample</span>
          <select value={current} onChange={(e) => { if (e.target.value) void twinStore.getState().openSample(e.target.value); }} data-testid="sample-picker">
            <option value="" disabled>Choose a sample…</option>
            <optgroup label="Scenarios">
              {samples.filter((s) => s.kind === 'scenario').map((s) => <option key={s.path} value={s.path}>{s.name}</option>)}
            </optgroup>
            <optgroup label="Layouts only">
              {samples.filter((s) => s.kind === 'layout').map((s) => <option key={s.path} value={s.path}>{s.name}</option>)}
            </optgroup>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => input.current?.click()}>Open…</button>
        <input
          ref={input}
          type="file"
          multiple
          accept={OPEN_ACCEPT}
          hidden
          data-testid="open-file"
          onChange={(e) => void openChosen(e.currentTarget)}
        />
        <button type="button" onClick={onShowShortcuts} aria-keyshortcuts="?" title="Keyboard shortcuts (?)" data-testid="show-shortcuts">Shortcuts</button>
      </div>
    </header>
  );
}
