import { useStore } from 'zustand';
import { formatProblem } from '../../model/problem.ts';
import { centreView } from '../../state/centreView.ts';
import { scenarioDraftStore } from '../../state/scenarioDraftStore.ts';
import { useTwin } from '../../state/twinStore.ts';
import '../experiments/experiments.css';
import '../scenario/scenario.css';
import type { Layout } from '../../model/layoutSchema.ts';
import type { ScenarioInput } from '../../model/scenarioSchema.ts';
import { entryFiles } from '../../scenario/library.ts';
import { downloadText } from '../downloadFile.ts';
import { LibraryPanel } from '../scenario/LibraryPanel.tsx';
import { SimulationPanel } from '../SimulationPanel.tsx';

/** The draft as files: the scenario and its layout (edited with it), as the CLI reads them. */
function download(draft: ScenarioInput, layout: Layout): void {
  const files = entryFiles({ id: draft.id, name: draft.name, scenario: draft, layout });
  downloadText(files.scenario.name, files.scenario.text);
  downloadText(files.layout.name, files.layout.text);
}

/**
 * The scenario on screen, and editing it (the editor itself is ScenarioMain, in the centre):
 * checked as a file is, with undo, kept as a draft in the browser, applied when valid — then
 * Simulate (here or in Simulate & compare) and experiments use it.
 */
export function ScenarioPanels() {
  const scenario = useTwin((s) => s.plant?.scenario);
  const file = useTwin((s) => s.plant?.scenarioFile);
  const state = useStore(scenarioDraftStore);
  const shown = useStore(centreView, (s) => s.scenarioEditor);
  const setShown = (on: boolean) => centreView.getState().showScenarioEditor(on);
  const { draft, layout, problems, past, future, checking, stored } = state;
  return (
    <>
      <h2 className="sidebar-title">Scenario</h2>
      {scenario ? (
        <section className="live-panel" data-testid="scenario-facts">
          <dl className="scenario-facts">
            <dt>Name</dt><dd>{scenario.name}</dd>
            <dt>File</dt><dd><code>{file}</code></dd>
            <dt>Starts</dt><dd>{scenario.start}</dd>
            <dt>Orders</dt><dd data-testid="scenario-orders">{scenario.orders.length}</dd>
          </dl>
          {!draft ? (
            <button type="button" onClick={() => { setShown(true); void state.begin(); }} data-testid="scenario-edit">Edit scenario</button>
          ) : (
            <>
              <div className="live-actions wrap">
                <button type="button" onClick={() => void state.undo()} disabled={past.length === 0} data-testid="scenario-undo">Undo</button>
                <button type="button" onClick={() => void state.redo()} disabled={future.length === 0}>Redo</button>
                <button type="button" onClick={() => void state.apply()} disabled={checking || problems.length > 0 || past.length === 0} data-testid="scenario-apply">Apply</button>
                <button type="button" onClick={() => void state.discard()}>Discard</button>
                <button type="button" onClick={() => layout && download(draft, layout)} title="Save the draft as its scenario and layout files">Export</button>
                <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>{shown ? 'Hide the editor' : 'Show the editor'}</button>
              </div>
              <p className="live-note" data-testid="scenario-draft-status">
                {checking ? 'Checking…' : problems.length ? `${problems.length} problem${problems.length > 1 ? 's' : ''} to fix before applying` : past.length ? 'Draft is valid; Apply puts it on screen.' : 'No changes yet.'}
                {state.applied > 0 && ` Applied ${state.applied}×.`}
              </p>
              {stored && (
                <p className="live-note">A draft of this scenario from {stored.savedAt.replace('T', ' ').slice(0, 16)} is kept.{' '}
                  <button type="button" onClick={() => void state.restore()} data-testid="scenario-restore">Restore it</button></p>
              )}
              {problems.length > 0 && <ul className="field-error" data-testid="scenario-problems">{problems.slice(0, 20).map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>}
            </>
          )}
        </section>
      ) : <p>Open a scenario (a layout alone has no products or orders).</p>}
      <LibraryPanel />
      <SimulationPanel />
    </>
  );
}
