import { isoAt } from '../model/calendar.ts';
import { DEFAULT_ATCS, before, scoreLots, type DispatchRule } from '../sim/plant/dispatching.ts';
import type { Lot } from '../sim/plant/lots.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';
import type { Decision } from './lessonSchema.ts';
import type { LessonPlant } from './lessonPlant.ts';
import type { PlantChoice } from './plantChoice.ts';

/** One answer the trainee can pick; plant options carry the choice they apply. */
export interface DecisionOption {
  id: string;
  label: string;
  choice?: PlantChoice;
}

export const RULE_LABELS: Record<DispatchRule, string> = {
  FIFO: 'FIFO — first come, first served',
  EDD: 'EDD — earliest due date first',
  SPT: 'SPT — shortest processing time first',
  ATCS: 'ATCS — due dates and changeovers weighed together',
  schedule: 'follow the schedule',
};

/** Distinct orders waiting at a machine, in the order its dispatching rule would take them. */
export function waitingOrders(run: PlantRun, machine: number): Lot[] {
  const m = run.machines[machine]!;
  const lots = [...m.queue];
  const scores = scoreLots(run.rule, lots, { now: run.sim.now, equipment: m.spec, keys: m.keys, atcs: DEFAULT_ATCS });
  const ranked = lots.map((lot, i) => ({ lot, score: scores[i]! }))
    .sort((a, b) => (before(a.score, a.lot, b.score, b.lot) ? -1 : before(b.score, b.lot, a.score, a.lot) ? 1 : 0));
  const seen = new Set<number>();
  return ranked.map((r) => r.lot).filter((lot) => !seen.has(lot.order.spec.index) && seen.add(lot.order.spec.index));
}

/**
 * The options of a decision as the paused run (replication 0, the trainee's choices so far)
 * shows them. Options that depend on the plant (the orders waiting at a machine) come from
 * that run; the others from the lesson. Questions with a free answer (estimate, mark-stop,
 * the trainee's own sequence) have no list, or a list that does not bind.
 */
export function decisionOptions(lp: LessonPlant, run: PlantRun, d: Decision): DecisionOption[] {
  const start = lp.scenario.start;
  const minuteText = (m: number): string => isoAt(start, m).slice(0, 16).replace('T', ' ');
  switch (d.kind) {
    case 'next-job': {
      const machine = run.plant.equipmentIndex.get(d.equipment)!;
      return waitingOrders(run, machine).slice(0, d.maxOptions).map((lot, i) => {
        const product = run.plant.products[lot.product]!;
        const rulePick = i === 0 ? `, the ${run.rule} pick` : '';
        return {
          id: lot.order.spec.id,
          label: `${lot.order.spec.id}: ${lot.quantity} × ${product.id}, due ${minuteText(lot.order.spec.due)}${rulePick}`,
          choice: { kind: 'next-job', order: lot.order.spec.id },
        };
      });
    }
    case 'dispatching-rule':
      return d.options.map((rule) => ({ id: rule, label: RULE_LABELS[rule] + (rule === run.rule ? ' (the rule now)' : ''), choice: { kind: 'dispatching-rule', rule } }));
    case 'reroute': {
      const from = run.machines[run.plant.equipmentIndex.get(d.from)!]!;
      const keep: DecisionOption = { id: 'keep', label: `keep: lots wait for ${d.from} (${from.queue.length} waiting)`, choice: { kind: 'reroute', to: null } };
      return [keep, ...d.to.map((id): DecisionOption => {
        const to = run.machines[run.plant.equipmentIndex.get(id)!]!;
        return { id, label: `send ${d.from}'s work to ${id} (${to.queue.length} waiting there)`, choice: { kind: 'reroute', to: id } };
      })];
    }
    case 'rush-order': {
      const e = lp.lesson.events.find((x) => x.id === d.event);
      const what = e?.kind === 'rush-order' ? `${e.order.quantity} × ${e.order.product}, due ${e.order.due.slice(0, 16).replace('T', ' ')}` : d.event;
      return [
        { id: 'accept', label: `accept the rush order (${what})`, choice: { kind: 'rush-order', accept: true } },
        { id: 'refuse', label: 'refuse it', choice: { kind: 'rush-order', accept: false } },
      ];
    }
    case 'sequence':
      return [
        ...d.candidates.map((c): DecisionOption => ({ id: c.id, label: `${c.label ?? c.id}: ${c.sequence.join(' → ')}`, choice: { kind: 'sequence', sequence: c.sequence } })),
        { id: 'rule', label: `no campaign: ${run.rule} decides`, choice: { kind: 'sequence', sequence: null } },
      ];
    case 'identify-bottleneck':
      return run.machines.filter((m) => m.spec.used).map((m) => ({ id: m.spec.id, label: `${m.spec.id} — ${m.spec.name}` }));
    default:
      return [];
  }
}
