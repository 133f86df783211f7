import { useTwin } from '../../state/twinStore.ts';
import type { Highlight } from '../../training/lessonSchema.ts';
import type { PauseView } from '../../training/sessionTypes.ts';
import { one } from './format.ts';

const pct = (x: number | null): string => (x === null ? '–' : `${one(x)} %`);

function Kpi({ id, label, value, lit }: { id: string; label: string; value: string; lit: boolean }) {
  return (
    <div className={`kpi${lit ? ' kpi-highlight' : ''}`} data-kpi={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The plant at the pause, as the tool reads it (the same figures the lesson's questions are judged
 * against): deliveries, WIP, changeovers, the bottleneck, and the selected machine's OEE so far.
 */
export function KpiStrip({ view, highlight }: { view: PauseView; highlight: readonly Highlight[] }) {
  const selected = useTwin((s) => s.selected);
  const lit = (id: string) => highlight.some((h) => h.kind === 'kpi' && h.id === id);
  const p = view.plant;
  if (p) {
    // The machine the trainee selected, else the first one the lesson points at.
    const pointed = highlight.find((h) => h.kind === 'machine' || h.kind === 'gantt-row')?.id;
    const machine = p.machines.find((m) => m.id === selected) ?? p.machines.find((m) => m.id === pointed);
    return (
      <dl className="kpi-strip" data-testid="kpi-strip">
        <Kpi id="on-time" label="On time" value={String(p.onTimeOrders)} lit={lit('on-time')} />
        <Kpi id="late-orders" label="Late" value={String(p.lateOrders)} lit={lit('late-orders')} />
        <Kpi id="wip" label="WIP (lots)" value={String(p.wipLots)} lit={lit('wip')} />
        <Kpi id="setup" label="Setup (h)" value={one(p.setupMinutes / 60)} lit={lit('setup')} />
        <Kpi id="throughput" label="Good units" value={p.goodUnits.toLocaleString('en')} lit={lit('throughput')} />
        <Kpi id="bottleneck" label="Bottleneck" value={p.bottleneck ?? '–'} lit={lit('bottleneck')} />
        {machine && (
          <>
            <div className="kpi kpi-machine" data-kpi="machine"><dt>{machine.id} now</dt><dd>{machine.state}, {machine.queue} waiting</dd></div>
            <Kpi id="oee" label="OEE so far" value={pct(machine.oee)} lit={lit('oee')} />
            <Kpi id="availability" label="Availability" value={pct(machine.availability)} lit={lit('availability')} />
          </>
        )}
        {!machine && <p className="kpi-note">Select a machine to see its OEE so far.</p>}
      </dl>
    );
  }
  return (
    <dl className="kpi-strip" data-testid="kpi-strip">
      {(view.recorded ?? []).map((m) => (
        <div key={m.id} className="kpi-group">
          <Kpi id="state" label={`${m.id} now`} value={m.state} lit={false} />
          <Kpi id="availability" label="Processing (min)" value={one(m.processingMinutes)} lit={lit('availability')} />
          <Kpi id="stopped" label="Not processing (min)" value={one(m.stoppedMinutes)} lit={false} />
        </div>
      ))}
    </dl>
  );
}
