import { useCallback, useMemo, useRef, useState } from 'react';
import { minutesBetween } from '../../model/calendar.ts';
import { familyIndex } from '../../scheduling/gantt.ts';
import { schedulingStore, useScheduling } from '../../state/schedulingStore.ts';
import { playback, twinStore, useTwin } from '../../state/twinStore.ts';
import { FAMILY_COLOURS, type GanttPicture, type GanttView } from '../gantt/drawGantt.ts';
import { GanttChart, type GanttMode } from '../gantt/GanttChart.tsx';
import { exposeGanttProbe } from '../gantt/ganttProbe.ts';
import { useRisk } from '../../state/riskStore.ts';
import { scheduleView, useScheduleView } from '../../state/scheduleView.ts';
import { DispatchView } from './DispatchView.tsx';
import { RiskView } from './RiskView.tsx';

/** Minutes between the plan's start and the playback source's start: the clock's minutes plus this are plan minutes. */
function clockOffset(planStartIso: string): number | undefined {
  const source = playback.store.getState().source;
  return source ? minutesBetween(planStartIso, source.startIso) : undefined;
}

/** The Schedule workspace's centre: the Gantt of the plan (by equipment or by order), its legend, and the drop outcome. */
export function ScheduleMain() {
  const plan = useScheduling((s) => s.plan);
  const facts = useScheduling((s) => s.facts);
  const selectedOp = useScheduling((s) => s.selected);
  const layout = useTwin((s) => s.plant?.layout);
  const selectedEquipment = useTwin((s) => s.selected);
  const atRisk = useRisk((s) => (s.result && plan && s.result.plan === plan ? s.result.atRisk : undefined));
  const [mode, setMode] = useState<GanttMode>('resources');
  const view = useScheduleView();
  const riskResult = useRisk((s) => s.result);
  const risks = useMemo(() => (riskResult ? new Map(riskResult.report.orders.map((o) => [o.order, o])) : undefined), [riskResult]);
  const last = useRef<{ view: GanttView; picture: GanttPicture; count: number; ms: number } | undefined>(undefined);
  const zoom = useRef<(k: number, x: number) => void>(() => {});
  const families = useMemo(() => (plan && facts ? familyIndex(plan, facts.scenario).names : []), [plan, facts]);

  const cursor = useCallback(() => {
    if (!plan) return undefined;
    const offset = clockOffset(plan.pp.startIso);
    return offset === undefined ? undefined : offset + playback.playhead.minutes;
  }, [plan]);
  const onDrawn = useCallback((view: GanttView, ms: number, picture: GanttPicture) => { last.current = { view, picture, ms, count: (last.current?.count ?? 0) + 1 }; }, []);
  exposeGanttProbe(() => last.current, mode, (k, x) => zoom.current(k, x));

  if (!plan || !facts || !layout) {
    return (
      <section className="schedule-main empty" aria-label="Gantt chart" data-testid="gantt-empty">
        <p>Schedule the open orders (the panel on the left) to see the plan here, by equipment or by order, and edit it by dragging.</p>
      </section>
    );
  }
  const machineOf = (op: number) => plan.pp.equipment[plan.machine[op]!];
  const views = [{ id: 'gantt', label: 'Gantt' }, { id: 'risk', label: 'Risk' }, { id: 'dispatch', label: 'Dispatch lists' }] as const;
  const tabs = (
    <div role="radiogroup" aria-label="View" className="segmented">
      {views.map((v) => (
        <label key={v.id}>
          <input type="radio" name="schedule-view" value={v.id} checked={view === v.id} onChange={() => scheduleView.getState().show(v.id)} data-testid={`schedule-view-${v.id}`} />
          {v.label}
        </label>
      ))}
    </div>
  );
  if (view !== 'gantt') {
    return (
      <section className="schedule-main" aria-label={view === 'risk' ? 'Risk per order' : 'Dispatch lists'} data-testid={`schedule-main-${view}`}>
        <div className="gantt-toolbar">{tabs}</div>
        <div className="schedule-scroll">{view === 'risk' ? <RiskView /> : <DispatchView />}</div>
      </section>
    );
  }
  return (
    <section className="schedule-main" aria-label="Gantt chart" data-testid="gantt">
      <GanttChart
        plan={plan}
        scenario={facts.scenario}
        layout={layout}
        mode={mode}
        atRisk={atRisk}
        risks={risks}
        selectedOp={selectedOp}
        selectedEquipment={selectedEquipment}
        onSelect={(op) => {
          schedulingStore.getState().select(op);
          if (op !== undefined) twinStore.getState().select(machineOf(op));
        }}
        onSelectMachine={(m) => twinStore.getState().select(plan.pp.equipment[m])}
        onProbe={(op, m, start) => schedulingStore.getState().tryMove(op, m, start)}
        onDrop={(op, m, start) => {
          const outcome = schedulingStore.getState().drop(op, m, start);
          if (outcome.ok) twinStore.getState().select(plan.pp.equipment[m]);
          return outcome;
        }}
        onSeek={(minutes) => {
          const offset = clockOffset(plan.pp.startIso);
          if (offset !== undefined) playback.seek(minutes - offset);
        }}
        subscribeCursor={playback.subscribe}
        cursor={cursor}
        onDrawn={onDrawn}
        onZoomReady={(apply) => { zoom.current = apply; }}
        toolbar={(
          <>
            {tabs}
          <div role="radiogroup" aria-label="Rows" className="segmented">
            {(['resources', 'orders'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="gantt-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`gantt-mode-${m}`} />
                {m === 'resources' ? 'By equipment' : 'By order'}
              </label>
            ))}
          </div>
          <ul className="gantt-legend" aria-label="Legend">
            {families.map((f, i) => <li key={f}><span className="swatch" style={{ background: FAMILY_COLOURS[i % FAMILY_COLOURS.length] }} />{f}</li>)}
            <li><span className="swatch hatch" />changeover</li>
            <li><span className="mark late" aria-hidden="true">▼</span>late (red outline, “LATE”)</li>
            <li><span className="mark risk" aria-hidden="true">◆</span>at risk (dashed, “RISK”)</li>
            <li><span className="swatch off-shift" />off shift</li>
            <li><span className="swatch maintenance" />maintenance</li>
            <li><span className="swatch frozen" />frozen (before now)</li>
          </ul>
          </>
        )}
      />
      <DropOutcome />
    </section>
  );
}

/** What the last drop did: moved (the plan passes the checker) or not, and why. Announced politely. */
function DropOutcome() {
  const lastDrop = useScheduling((s) => s.lastDrop);
  return (
    <p className={`drop-outcome ${lastDrop?.ok === false ? 'refused' : ''}`} role="status" aria-live="polite" data-testid="drop-outcome">
      {lastDrop === undefined ? 'Drag a bar to another time or eligible machine; the plant checker judges every drop.' : lastDrop.ok ? `Moved; the plan passes the plant checker.${lastDrop.moved.length > 0 ? ` Moved by the plant's rules: ${lastDrop.moved.join('; ')}.` : ''}` : `Not moved — ${lastDrop.reason}`}
    </p>
  );
}
