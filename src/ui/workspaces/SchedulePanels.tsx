import { planKpis } from '../../scheduling/plan.ts';
import { OBJECTIVES, type StartFrom } from '../../state/scheduling.ts';
import { schedulingStore, useScheduling } from '../../state/schedulingStore.ts';
import { useLive } from '../../state/liveStore.ts';
import { usePlayback, useTwin } from '../../state/twinStore.ts';
import { isRecordingSource } from '../../playback/recordingSource.ts';
import { KpiComparison } from '../schedule/KpiComparison.tsx';
import { ProgressChart } from '../schedule/ProgressChart.tsx';
import { PlanEditing } from '../schedule/PlanEditing.tsx';
import { RiskControls } from '../schedule/RiskControls.tsx';
import { ApprovePanel } from '../schedule/ApprovePanel.tsx';
import { scheduleView } from '../../state/scheduleView.ts';
import '../schedule/schedule.css';

const session = () => schedulingStore.getState();

/**
 * The scheduler's side panel: objective, time limit, seed and where to start from; Schedule and
 * Cancel with the search's progress; the plan's KPIs against EDD and the last approved plan,
 * with bound and gap; then editing (undo, redo, pins, re-optimise).
 */
export function SchedulePanels() {
  const hasScenario = useTwin((s) => s.plant?.scenario !== undefined);
  const settings = useScheduling((s) => s.settings);
  const status = useScheduling((s) => s.status);
  const progress = useScheduling((s) => s.progress);
  const error = useScheduling((s) => s.error);
  const facts = useScheduling((s) => s.facts);
  const plan = useScheduling((s) => s.plan);
  const live = useLive((s) => s.source !== undefined);
  const recording = usePlayback((s) => isRecordingSource(s.source));
  const running = status === 'running';
  const starts: { value: StartFrom; label: string; available: boolean }[] = [
    { value: 'scenario', label: 'Scenario start', available: true },
    { value: 'live', label: 'Live state now', available: live },
    { value: 'recording', label: 'Recording at the playhead', available: recording },
  ];

  return (
    <>
      <h2 className="sidebar-title">Schedule</h2>
      <section className="schedule-panel" aria-label="Make a schedule" data-testid="schedule-panel">
        <form className="schedule-form" onSubmit={(e) => { e.preventDefault(); if (!running) void session().run(); }}>
          <label>
            <span>Objective</span>
            <select value={settings.objective} disabled={running} onChange={(e) => session().setSettings({ objective: e.target.value })} data-testid="schedule-objective">
              {OBJECTIVES.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
          <label>
            <span>Time limit</span>
            <span className="with-unit">
              <input type="number" min={1} max={3600} step={1} value={settings.timeLimitS} disabled={running}
                onChange={(e) => session().setSettings({ timeLimitS: Number(e.target.value) })} data-testid="schedule-time" />
              <span className="unit">s</span>
            </span>
          </label>
          <label>
            <span>Seed</span>
            <input type="number" min={0} step={1} value={settings.seed} disabled={running}
              onChange={(e) => session().setSettings({ seed: Number(e.target.value) })} data-testid="schedule-seed" />
          </label>
          <fieldset className="schedule-start" disabled={running}>
            <legend>Start from</legend>
            {starts.map((s) => (
              <label key={s.value} className={s.available ? '' : 'unavailable'}>
                <input type="radio" name="start-from" value={s.value} checked={settings.startFrom === s.value}
                  onChange={() => session().setSettings({ startFrom: s.value })} data-testid={`start-${s.value}`} />
                {s.label}{!s.available && s.value !== 'scenario' ? ' (none now)' : ''}
              </label>
            ))}
          </fieldset>
          <div className="schedule-actions">
            {running
              ? <button type="button" onClick={() => session().cancel()} data-testid="schedule-cancel">Cancel</button>
              : <button type="submit" className="primary" disabled={!hasScenario} data-testid="schedule-run"
                  title={hasScenario ? 'Schedule the open orders in a worker' : 'Open a scenario to schedule its orders'}>Schedule</button>}
          </div>
        </form>
        {(running || progress.length > 0) && <ProgressChart points={progress} label={facts?.objectiveName ?? settings.objective} />}
        {running && <p className="schedule-note" role="status" data-testid="schedule-status">Searching… Cancel keeps the best schedule found so far.</p>}
        {status === 'failed' && <p className="field-error" role="alert" data-testid="schedule-status">{error}</p>}
        {facts && plan && (
          <>
            {facts.notes.map((n) => <p key={n} className="schedule-note">{n}</p>)}
            <KpiComparison facts={facts} current={planKpis(plan)} />
          </>
        )}
      </section>
      {plan && facts && <PlanEditing />}
      {plan && facts && <RiskControls onShow={() => scheduleView.getState().show('risk')} />}
      {plan && facts && <ApprovePanel onShowDispatch={() => scheduleView.getState().show('dispatch')} />}
    </>
  );
}
