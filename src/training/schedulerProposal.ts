import { minutesBetween } from '../model/calendar.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { before, DEFAULT_ATCS, scoreLots, type DispatchRule } from '../sim/plant/dispatching.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
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
  const pp = plantProblem({ layout: lp.plant.layout, layoutFile: lp.plant.layoutFile, scenario });
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
      // The rule whose order of each queue agrees most with the plan's: over all pairs of lots
      // waiting at the same machine, how often the rule puts first the one the plan starts first.
      const s = solve(base, lp);
      const planned = new Map(s.operations.map((o) => [`${o.order}/${o.operation}`, startsAt(o)]));
      const agree = new Map<DispatchRule, number>(d.options.map((r) => [r, 0]));
      let pairs = 0;
      for (const m of run.machines) {
        if ((d.equipment && !d.equipment.includes(m.spec.id)) || m.queue.length < 2) continue;
        const plan = m.queue.map((l) => planned.get(`${l.order.spec.id}/${l.routing.operations[l.op]!.id}`) ?? Infinity);
        const ctx = { now, equipment: m.spec, keys: m.keys, atcs: DEFAULT_ATCS };
        const scores = d.options.map((rule) => scoreLots(rule, m.queue, ctx));
        for (let a = 0; a < m.queue.length; a++) {
          for (let b = a + 1; b < m.queue.length; b++) {
            if (plan[a] === plan[b]) continue;
            pairs++;
            const planFirst = plan[a]! < plan[b]! ? a : b;
            d.options.forEach((rule, r) => {
              const sc = scores[r]!;
              const ruleFirst = before(sc[a]!, m.queue[a]!, sc[b]!, m.queue[b]!) ? a : b;
              if (ruleFirst === planFirst) agree.set(rule, agree.get(rule)! + 1);
            });
          }
        }
      }
      const [rule, count] = [...agree.entries()].sort((x, y) => y[1] - x[1])[0]!;
      return pairs > 0
        ? { option: rule, reason: `${rule} orders the queues as the plan does in ${count} of ${pairs} pairs of waiting lots`, plan: planOf(s) }
        : { option: null, reason: 'no machine has two lots waiting to compare the rules with the plan', plan: planOf(s) };
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
