import { minutesBetween } from '../model/calendar.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { DEFAULT_ATCS, pickLot, type DispatchRule } from '../sim/plant/dispatching.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { scenarioProblem } from '../../solver/scenarioProblem.ts';
import type { Decision } from './lessonSchema.ts';
import type { LessonPlant } from './lessonPlant.ts';
import { scenarioAtRun, type KnownOutage } from './runSnapshot.ts';

/** What the scheduler would do at a decision, as one of the decision's options where it maps to one. */
export interface SchedulerProposal {
  /** The option it amounts to ("keep", an order, a rule, a machine, "accept"/"refuse"), or null. */
  option: string | null;
  /** sequence: the order of attribute values in the scheduler's plan for the campaign machines. */
  sequence?: string[];
  /** Why, in words, with the plan's figures. */
  reason: string;
  /** The plan's KPIs (minutes, orders). */
  plan: { lateOrders: number; totalSetup: number; weightedTardiness: number };
}

function solve(scenario: Scenario, lp: LessonPlant): Schedule {
  const pp = scenarioProblem(scenario);
  const r = solvePlant(pp, { maxIterations: lp.lesson.scoring.schedulerIterations, seed: lp.lesson.seed });
  return plantOutputs(pp, r, { createdAt: scenario.start }).schedule;
}

function planOf(s: Schedule): SchedulerProposal['plan'] {
  return { lateOrders: s.kpis.lateOrders, totalSetup: s.kpis.totalSetup, weightedTardiness: s.kpis.weightedTardiness };
}

/** Breakdowns injected by the lesson that are under way at `now`: a planner knows when they end. */
export function knownOutages(lp: LessonPlant, now: number): KnownOutage[] {
  return lp.lesson.events.flatMap((e) => {
    if (e.kind !== 'breakdown') return [];
    const at = lp.minute(e.at);
    return at <= now && at + e.duration > now ? [{ equipment: e.equipment, until: at + e.duration }] : [];
  });
}

/**
 * Asks the scheduler (solvePlant, with the lesson's fixed search budget and seed, so the answer
 * repeats) to re-plan the paused plant, and reads the decision's answer from its plan.
 * `run` is the paused run and `scenario` the scenario it runs (the rush orders it holds).
 */
export function proposeFor(lp: LessonPlant, run: PlantRun, scenario: Scenario, d: Decision): SchedulerProposal | undefined {
  const now = run.sim.now;
  const base = scenarioAtRun(scenario, run, knownOutages(lp, now));
  const startsAt = (op: Schedule['operations'][number]): number => minutesBetween(scenario.start, op.start);
  switch (d.kind) {
    case 'next-job': {
      const machine = run.machines.find((m) => m.spec.id === d.equipment);
      if (!machine || machine.queue.length === 0) return undefined;
      const s = solve(base, lp);
      const waiting = new Set(machine.queue.map((l) => `${l.order.spec.id}/${l.routing.operations[l.op]!.id}`));
      const first = s.operations.filter((o) => o.equipment === d.equipment && waiting.has(`${o.order}/${o.operation}`)).sort((a, b) => startsAt(a) - startsAt(b))[0];
      return first
        ? { option: first.order, reason: `the plan runs ${first.order} next on ${d.equipment}`, plan: planOf(s) }
        : { option: null, reason: `the plan runs none of the waiting orders on ${d.equipment} next`, plan: planOf(s) };
    }
    case 'dispatching-rule': {
      const s = solve(base, lp);
      const machines = run.machines.filter((m) => (!d.equipment || d.equipment.includes(m.spec.id)) && m.queue.length >= 2);
      const agree = new Map<DispatchRule, number>(d.options.map((r) => [r, 0]));
      for (const m of machines) {
        const planned = s.operations.filter((o) => o.equipment === m.spec.id && m.queue.some((l) => l.order.spec.id === o.order)).sort((a, b) => startsAt(a) - startsAt(b))[0];
        if (!planned) continue;
        for (const rule of d.options) {
          const k = pickLot(rule, m.queue, { now, equipment: m.spec, keys: m.keys, atcs: DEFAULT_ATCS });
          if (k >= 0 && m.queue[k]!.order.spec.id === planned.order) agree.set(rule, agree.get(rule)! + 1);
        }
      }
      const ranked = [...agree.entries()].sort((a, b) => b[1] - a[1]);
      const [rule, count] = ranked[0]!;
      return count > 0
        ? { option: rule, reason: `${rule} picks the plan's next job on ${count} of ${machines.length} machines with a queue`, plan: planOf(s) }
        : { option: null, reason: 'no rule picks the plan\'s next job on any machine with a queue', plan: planOf(s) };
    }
    case 'reroute': {
      const machine = run.machines.find((m) => m.spec.id === d.from);
      const s = solve(base, lp);
      const votes = new Map<string, number>([[d.from, 0], ...d.to.map((id) => [id, 0] as [string, number])]);
      for (const lot of machine?.queue ?? []) {
        const planned = s.operations.find((o) => o.order === lot.order.spec.id && o.operation === lot.routing.operations[lot.op]!.id);
        if (planned && votes.has(planned.equipment)) votes.set(planned.equipment, votes.get(planned.equipment)! + 1);
      }
      const [where, count] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]!;
      const option = count === 0 || where === d.from ? 'keep' : where;
      return { option, reason: count === 0 ? `the plan moves none of the lots waiting at ${d.from}` : `the plan puts ${count} of the waiting lots on ${where}`, plan: planOf(s) };
    }
    case 'rush-order': {
      const event = lp.lesson.events.find((e) => e.id === d.event);
      if (event?.kind !== 'rush-order') return undefined;
      const without = solve(base, lp);
      const withRush = solve({
        ...base,
        orders: [...base.orders, { id: event.order.id, product: event.order.product, quantity: event.order.quantity, release: event.at, due: event.order.due, priority: event.order.priority }],
      }, lp);
      const rushLate = withRush.kpis.lateOrders > without.kpis.lateOrders;
      return {
        option: rushLate ? 'refuse' : 'accept',
        reason: rushLate
          ? `with it the plan has ${withRush.kpis.lateOrders} late orders instead of ${without.kpis.lateOrders}`
          : `the plan fits it: ${withRush.kpis.lateOrders} late orders with it, ${without.kpis.lateOrders} without`,
        plan: planOf(withRush),
      };
    }
    case 'sequence': {
      const s = solve(base, lp);
      const products = new Map(scenario.products.map((p) => [p.id, p]));
      const orders = new Map(scenario.orders.map((o) => [o.id, o]));
      const sequence: string[] = [];
      for (const o of s.operations.filter((x) => d.equipment.includes(x.equipment) && startsAt(x) >= now).sort((a, b) => startsAt(a) - startsAt(b))) {
        const product = products.get(orders.get(o.order)?.product ?? '');
        const value = product && (d.attribute === 'family' ? product.family : product.attributes[d.attribute]);
        if (value !== undefined && !sequence.includes(value)) sequence.push(value);
      }
      return sequence.length >= 2
        ? { option: 'scheduler', sequence, reason: `the plan runs ${sequence.join(' → ')} on ${d.equipment.join(', ')}`, plan: planOf(s) }
        : { option: null, reason: `the plan has fewer than two ${d.attribute} values left on ${d.equipment.join(', ')}`, plan: planOf(s) };
    }
    default:
      return undefined;
  }
}
