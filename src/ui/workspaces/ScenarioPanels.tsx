import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { formatProblem } from '../../model/problem.ts';
import { scenarioDraftStore } from '../../state/scenarioDraftStore.ts';
import { useTwin } from '../../state/twinStore.ts';
import '../experiments/experiments.css';
import { OrdersTable } from '../scenario/OrdersTable.tsx';
import { SettingsEditor } from '../scenario/SettingsEditor.tsx';
import { ShiftEditor } from '../scenario/ShiftEditor.tsx';
import { SimulationPanel } from '../SimulationPanel.tsx';

/** The draft as a scenario file, for the CLI, an experiment or another browser. */
function download(draft: { id: string }): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `${draft.id}.json` });
  a.click();
  URL.revokeObjectURL(url);
}

const TABS = [{ id: 'orders', label: 'Orders' }, { id: 'shifts', label: 'Shifts & holidays' }, { id: 'settings', label: 'Settings, operators, failures' }] as const;

/**
 * The scenario on screen, and editing it: orders, shifts, settings, operators and failures,
 * checked as a file is, with undo, kept as a draft in the browser, applied when valid — then
 * Simulate (here or in Simulate & compare) and experiments use it.
 */
export function ScenarioPanels() {
  const scenario = useTwin((s) => s.plant?.scenario);
  const file = useTwin((s) => s.plant?.scenarioFile);
  const state = useStore(scenarioDraftStore);
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('orders');
  const [shown, setShown] = useState(true);
  const { draft, problems, past, future, checking, stored } = state;
  const edit = (change: Parameters<typeof state.edit>[0]) => void state.edit(change);
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
              <div className="live-actions">
                <button type="button" onClick={() => void state.undo()} disabled={past.length === 0} data-testid="scenario-undo">Undo</button>
                <button type="button" onClick={() => void state.redo()} disabled={future.length === 0}>Redo</button>
                <button type="button" onClick={() => void state.apply()} disabled={checking || problems.length > 0 || past.length === 0} data-testid="scenario-apply">Apply</button>
                <button type="button" onClick={() => void state.discard()}>Discard</button>
                <button type="button" onClick={() => download(draft)} title="Save the draft as a scenario file">Export</button>
                <button type="button" onClick={() => setShown(!shown)}>{shown ? 'Show the twin' : 'Show the editor'}</button>
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
      <SimulationPanel />
      {draft && shown && createPortal(
        <div className="experiment-overlay" role="region" aria-label="Scenario editor" data-testid="scenario-editor">
          <button type="button" className="experiment-close" onClick={() => setShown(false)} aria-label="Close the editor">×</button>
          <h3>{draft.name}</h3>
          <div className="live-actions" role="tablist">
            {TABS.map((t) => <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab-on' : undefined} onClick={() => setTab(t.id)} data-testid={`scenario-tab-${t.id}`}>{t.label}</button>)}
          </div>
          {tab === 'orders' && <OrdersTable draft={draft} edit={edit} />}
          {tab === 'shifts' && <ShiftEditor draft={draft} edit={edit} />}
          {tab === 'settings' && <SettingsEditor draft={draft} edit={edit} />}
        </div>,
        document.body,
      )}
    </>
  );
}
