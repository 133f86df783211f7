import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { DispatchList } from '../../model/scheduleSchema.ts';
import { planOutputs } from '../../scheduling/plan.ts';
import { useScheduling } from '../../state/schedulingStore.ts';
import { useTwin } from '../../state/twinStore.ts';
import { plantClock } from '../plantTime.ts';

const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;
/** "2026-11-30 14:05" in the plant's offset, as a shop-floor sheet reads. */
const when = (startIso: string, iso: string) => plantClock(startIso, (Date.parse(iso) - Date.parse(startIso)) / 60_000).slice(0, 16);

/** The plan's dispatch list, as approval would freeze it (version fields are filled in at approval). */
export function useDispatchList(): DispatchList | undefined {
  const plan = useScheduling((s) => s.plan);
  const facts = useScheduling((s) => s.facts);
  return useMemo(() => (plan && facts ? planOutputs(plan, facts.objective, { lowerBound: facts.lowerBound, gap: facts.gap }).dispatchList : undefined), [plan, facts]);
}

/** One equipment's jobs in order: the sheet a work centre runs by. */
function EquipmentSheet({ entry, startIso, name }: { entry: DispatchList['equipment'][number]; startIso: string; name: string }) {
  return (
    <section className="dispatch-sheet" aria-label={`Dispatch list of ${name}`} data-testid="dispatch-sheet" data-equipment={entry.equipment}>
      <h3>{name} <span className="dispatch-id">{entry.equipment}</span></h3>
      {entry.jobs.length === 0 ? <p className="schedule-note">No jobs planned.</p> : (
        <table>
          <thead>
            <tr><th scope="col">#</th><th scope="col">Order</th><th scope="col">Product</th><th scope="col">Qty</th><th scope="col">Operation</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Setup</th></tr>
          </thead>
          <tbody>
            {entry.jobs.map((j) => (
              <tr key={j.sequence}>
                <td>{j.sequence}</td><td>{j.order}</td><td>{j.product}</td><td className="num">{j.quantity}</td><td>{j.operation}</td>
                <td>{when(startIso, j.plannedStart)}</td><td>{when(startIso, j.plannedEnd)}</td>
                <td>{j.changeover ? `${j.changeover.from ?? 'start'} → ${j.changeover.to} (${hm(j.changeover.minutes)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Per equipment, the dispatch list and its changeover sequence. Print gives one page per work
 * centre: a copy of the sheets outside the app (a portal on <body>) is all the print stylesheet
 * shows.
 */
export function DispatchView() {
  const list = useDispatchList();
  const layout = useTwin((s) => s.plant?.layout);
  const facts = useScheduling((s) => s.facts);
  const names = useMemo(() => new Map(layout?.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => [e.id, e.name] as const)))) ?? []), [layout]);
  if (!list || !facts) return <p className="risk-empty">Schedule the orders to see the dispatch lists.</p>;
  const used = list.equipment.filter((e) => e.jobs.length > 0);
  const sheets = used.map((e) => <EquipmentSheet key={e.equipment} entry={e} startIso={facts.scenario.start} name={names.get(e.equipment) ?? e.equipment} />);
  return (
    <div className="dispatch-view" data-testid="dispatch-view">
      <div className="dispatch-actions">
        <p className="schedule-note">{used.length} work centres, {used.reduce((s, e) => s + e.jobs.length, 0)} jobs, {used.reduce((s, e) => s + e.jobs.filter((j) => j.changeover).length, 0)} changeovers. Times in the plant's clock.</p>
        <button type="button" onClick={() => window.print()} data-testid="dispatch-print">Print (one page per work centre)</button>
      </div>
      {sheets}
      {createPortal(
        <div className="print-only" aria-hidden="true">
          <h1 className="print-title">{facts.scenario.name} — dispatch list (plan, not yet approved unless a version id is shown)</h1>
          {sheets}
        </div>,
        document.body,
      )}
    </div>
  );
}
