import type { PlantRun } from '../sim/plant/plantRun.ts';
import { AlarmRecorder, type AlarmOccurrence } from './alarms.ts';
import type { LessonPlant } from './lessonPlant.ts';
import type { RunProbe } from './lessonRun.ts';

/**
 * The alarm rules of a scenario lesson watched on a run, scanned once a plant minute (as an
 * alarm system scans its tags): machine-down while a machine is down (a failure or an injected
 * breakdown), order-at-risk while an open order cannot make its due date less the margin even
 * if its remaining operations ran back to back at their mean times. Stale data comes from the
 * lesson's events, at their exact times.
 */
export class AlarmScan implements RunProbe {
  readonly every = 1;
  private readonly recorder = new AlarmRecorder();
  private remaining = new Float64Array(0);
  private last = 0;

  constructor(private readonly lp: LessonPlant) {}

  look(run: PlantRun): void {
    const t = run.sim.now;
    this.last = t;
    for (const rule of this.lp.lesson.alarms) {
      if (rule.kind === 'machine-down') {
        for (const m of run.machines) {
          if (rule.equipment && !rule.equipment.includes(m.spec.id)) continue;
          this.recorder.set(rule, m.spec.id, m.down > 0, t, `${m.spec.id} ${m.spec.name} is down`);
        }
      } else if (rule.kind === 'order-at-risk') {
        this.scanOrders(run, rule, t);
      }
    }
  }

  private scanOrders(run: PlantRun, rule: LessonPlant['lesson']['alarms'][number], t: number): void {
    if (this.remaining.length !== run.orders.length) this.remaining = new Float64Array(run.orders.length);
    const remaining = this.remaining.fill(0);
    for (const lot of run.lotsInPlant) {
      const op = lot.routing.operations[lot.op];
      if (!op) continue;
      const work = op.remainingPerUnit * lot.quantity + op.remainingFixed;
      const k = lot.order.spec.index;
      if (work > remaining[k]!) remaining[k] = work;
    }
    for (const order of run.orders) {
      const spec = order.spec;
      const open = Number.isNaN(order.completedAt) && order.released > 0;
      const slack = spec.due - t - remaining[spec.index]!;
      this.recorder.set(rule, spec.id, open && slack < rule.margin, t,
        `${spec.id} at risk: ${Math.round(remaining[spec.index]! / 60)} h of work left, due in ${Math.round((spec.due - t) / 60)} h`);
    }
  }

  /** Every occurrence up to the last scan, stale-data ones included, by time raised. */
  occurrences(): AlarmOccurrence[] {
    const stale = new AlarmRecorder();
    for (const rule of this.lp.lesson.alarms) {
      if (rule.kind !== 'stale-data') continue;
      for (const e of this.lp.lesson.events) {
        if (e.kind !== 'stale-data' || (rule.equipment && !rule.equipment.includes(e.equipment))) continue;
        const at = this.lp.minute(e.at);
        if (at > this.last) continue;
        stale.set(rule, e.equipment, true, at, `no data from ${e.equipment} (stale)`);
        if (at + e.duration <= this.last) stale.set(rule, e.equipment, false, at + e.duration, '');
      }
    }
    return [...this.recorder.occurrences, ...stale.occurrences].sort((a, b) => a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : 1));
  }
}
