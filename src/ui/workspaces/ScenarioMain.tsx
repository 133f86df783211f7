import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { centreView } from '../../state/centreView.ts';
import { scenarioDraftStore } from '../../state/scenarioDraftStore.ts';
import { twinStore, useTwin } from '../../state/twinStore.ts';
import '../experiments/experiments.css';
import { EquipmentEditor } from '../scenario/EquipmentEditor.tsx';
import { OrdersTable } from '../scenario/OrdersTable.tsx';
import { SettingsEditor } from '../scenario/SettingsEditor.tsx';
import { SetupHeatmap } from '../scenario/SetupHeatmap.tsx';
import { ShiftEditor } from '../scenario/ShiftEditor.tsx';
import '../scenario/scenario.css';

const TABS = [
  { id: 'orders', label: 'Orders' },
  { id: 'shifts', label: 'Shifts & holidays' },
  { id: 'equipment', label: 'Equipment' },
  { id: 'setups', label: 'Changeovers' },
  { id: 'settings', label: 'Settings, operators, failures' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * The scenario editor in the Scenario workspace's centre, above the twin: orders, shifts,
 * equipment, changeovers and settings of the draft (ScenarioPanels has its undo, apply and
 * library). Nothing while no draft is open or the editor is closed: the twin takes the centre.
 */
export function ScenarioMain() {
  const open = useStore(centreView, (s) => s.scenarioEditor);
  const state = useStore(scenarioDraftStore);
  const scenarioFile = useTwin((s) => s.plant?.scenarioFile ?? '');
  const layoutFile = useTwin((s) => s.plant?.layoutFile ?? '');
  const [tab, setTab] = useState<Tab>('orders');
  const [copied, setCopied] = useState<string>();
  const tabs = useRef(new Map<Tab, HTMLButtonElement | null>());
  const { draft, layout, reference, problems, applied } = state;
  // Once applied, the machine copied last is selected in the twin, so the planner sees where it went.
  useEffect(() => {
    if (applied > 0 && copied) twinStore.getState().select(copied);
  }, [applied, copied]);
  if (!open || !draft || !layout || !reference) return null;
  const edit = (change: Parameters<typeof state.edit>[0]) => void state.edit(change);
  const choose = (next: Tab) => { setTab(next); tabs.current.get(next)?.focus(); };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to >= 0) {
      e.preventDefault();
      choose(TABS[to]!.id);
    }
  };
  return (
    <section className="centre-view" aria-label="Scenario editor" data-testid="scenario-editor">
      <button type="button" className="experiment-close" onClick={() => centreView.getState().showScenarioEditor(false)} aria-label="Close the editor">×</button>
      <h3>{draft.name}</h3>
      <div className="live-actions scenario-tabs" role="tablist" aria-label="Parts of the scenario" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t.id} ref={(el) => { tabs.current.set(t.id, el); }} type="button" role="tab" id={`scenario-tab-${t.id}`} aria-selected={tab === t.id}
            aria-controls="scenario-tab-panel" tabIndex={tab === t.id ? 0 : -1} className={tab === t.id ? 'tab-on' : undefined}
            onClick={() => setTab(t.id)} data-testid={`scenario-tab-${t.id}`}>{t.label}</button>
        ))}
      </div>
      <div role="tabpanel" id="scenario-tab-panel" aria-labelledby={`scenario-tab-${tab}`}>
        {tab === 'orders' && <OrdersTable draft={draft} edit={edit} />}
        {tab === 'shifts' && <ShiftEditor draft={draft} edit={edit} />}
        {tab === 'equipment' && (
          <>
            {copied && <p className="live-note" role="status" data-testid="duplicate-note">{copied} added beside its original in the draft; Apply puts it in the twin.</p>}
            <EquipmentEditor draft={draft} layout={layout} reference={reference} problems={problems} layoutFile={layoutFile}
              edit={edit} editPlant={(change, ref) => void state.editPlant(change, ref)} onDuplicated={setCopied} />
          </>
        )}
        {tab === 'setups' && <SetupHeatmap draft={draft} problems={problems} scenarioFile={scenarioFile} edit={edit} />}
        {tab === 'settings' && <SettingsEditor draft={draft} edit={edit} />}
      </div>
    </section>
  );
}
