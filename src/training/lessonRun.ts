import { collectResults } from '../sim/plant/collectResults.ts';
import { compilePlant, type CompiledPlant } from '../sim/plant/compiledPlant.ts';
import { DEFAULT_ATCS, type DispatchRule } from '../sim/plant/dispatching.ts';
import { ALL_DISTURBANCES, PlantRun } from '../sim/plant/plantRun.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import type { Decision, LessonEvent } from './lessonSchema.ts';
import type { LessonPlant } from './lessonPlant.ts';
import { defaultChoice, type Choices, type PlantChoice } from './plantChoice.ts';
import { Steering } from './steering.ts';

/** Something that looks at a run while it goes (alarms, debrief series); it must not change the plant. */
export interface RunProbe {
  /** Minutes between looks. */
  every: number;
  look(run: PlantRun): void;
}

export interface LessonRunRequest {
  /** Choices made; decisions before `until` without one take their default. */
  choices: Choices;
  /** Minutes from the scenario start; the run stops there (a pause, or the lesson end). */
  until: number;
  replication: number;
  trace?: boolean;
  probes?: readonly RunProbe[];
}

export interface LessonRun {
  run: PlantRun;
  result: PlantResult;
  /** Rush orders (event ids) in this run, and those refused by a decision before `until`. */
  rushOrders: string[];
  refused: string[];
}

/**
 * One run of a scenario lesson from the start to `until`: the lesson's events injected at
 * their times, and at each decision's time (before `until`) the run stops, the choice is
 * applied, and it goes on. A decision at `until` itself is not applied — that is where the
 * play pauses for it. Replaying from the start rather than copying a paused run keeps every
 * run a pure function of (lesson, choices, replication): the same random numbers up to each
 * decision, whatever was chosen elsewhere.
 */
export function runLesson(lp: LessonPlant, request: LessonRunRequest): LessonRun {
  const { until } = request;
  const applied = appliedDecisions(lp, request.choices, until);
  const rushOrders: string[] = [];
  const refused: string[] = [];
  for (const e of lp.lesson.events) {
    if (e.kind !== 'rush-order' || lp.minute(e.at) > until) continue;
    const decision = lp.lesson.decisions.find((d) => d.kind === 'rush-order' && d.event === e.id);
    const choice = decision ? applied.find((a) => a.decision === decision)?.choice : undefined;
    if (!decision || (choice?.kind === 'rush-order' && choice.accept)) rushOrders.push(e.id);
    else if (choice) refused.push(e.id);
  }
  const plant = lp.plantWith(rushOrders);
  const compiled = compilePlant(plant);
  const steering = new Steering();
  const scenarioRule = lp.scenario.experiment.dispatching;
  const rule: DispatchRule = scenarioRule === 'schedule' ? 'FIFO' : scenarioRule;
  const run = new PlantRun(compiled, {
    seed: lp.lesson.seed, replication: request.replication, horizon: lp.end, warmup: 0, rule, schedule: undefined,
    trace: request.trace ?? false, atcs: DEFAULT_ATCS, wipSampleEvery: 60, disturbances: { ...ALL_DISTURBANCES }, hooks: steering,
  });
  steering.attach(run);
  for (const e of lp.lesson.events) injectEvent(run, steering, compiled, e, lp.minute(e.at));
  for (const probe of request.probes ?? []) startProbe(run, probe, until);
  for (const { decision, at, choice } of applied) {
    run.sim.run(at);
    applyChoice(lp, run, steering, compiled, decision, choice);
  }
  run.sim.run(until);
  const result = collectResults(run, until, { cancelled: until < lp.end, dispatching: rule, warmup: 0 });
  if (run.trace) result.trace = run.trace.data();
  return { run, result, rushOrders, refused };
}

interface Applied {
  decision: Decision;
  at: number;
  choice: PlantChoice;
}

function appliedDecisions(lp: LessonPlant, choices: Choices, until: number): Applied[] {
  const list: Applied[] = [];
  for (const pause of lp.pauses) {
    if (pause.kind !== 'decision' || pause.at >= until) continue;
    const choice = choices.get(pause.decision.id) ?? defaultChoice(pause.decision);
    if (choice) list.push({ decision: pause.decision, at: pause.at, choice });
  }
  return list;
}

function indexOf(compiled: CompiledPlant, id: string): number {
  const k = compiled.equipmentIndex.get(id);
  if (k === undefined) throw new Error(`lesson run: no equipment ${id} (the lesson was not checked against its plant)`);
  return k;
}

function startProbe(run: PlantRun, probe: RunProbe, until: number): void {
  const look = (p: RunProbe): void => {
    p.look(run);
    const next = run.sim.now + p.every;
    if (next <= until) run.sim.scheduleAt(next, look, p);
  };
  run.sim.scheduleAt(run.startTime, look, probe);
}

/** Schedules an injected event's start and end on the run. */
function injectEvent(run: PlantRun, steering: Steering, compiled: CompiledPlant, e: LessonEvent, at: number): void {
  const sim = run.sim;
  switch (e.kind) {
    case 'breakdown': {
      const machine = run.machines[indexOf(compiled, e.equipment)]!;
      sim.scheduleAt(at, () => machine.fail());
      sim.scheduleAt(at + e.duration, () => machine.repair());
      return;
    }
    case 'operator-absent': {
      const pool = run.operators.pools.find((p) => p.spec.id === e.pool);
      if (!pool) throw new Error(`lesson run: no operator pool ${e.pool}`);
      sim.scheduleAt(at, () => run.operators.adjust(pool, -e.count));
      sim.scheduleAt(at + e.duration, () => run.operators.adjust(pool, e.count));
      return;
    }
    case 'material-shortage': {
      const held = e.products.map((id) => {
        const product = compiled.products.find((p) => p.id === id);
        if (!product) throw new Error(`lesson run: no product ${id}`);
        const routing = compiled.routings[product.routing]!;
        return [product.index, e.operation === undefined ? 0 : routing.operationIndex.get(e.operation) ?? 0] as const;
      });
      sim.scheduleAt(at, () => { for (const [p, op] of held) steering.hold(p, op, 1); });
      sim.scheduleAt(at + e.duration, () => { for (const [p, op] of held) steering.hold(p, op, -1); });
      return;
    }
    // A rush order is an order of the run's scenario (LessonPlant.plantWith); stale data
    // changes what the twin shows, not the plant (alarms and the app read it from the lesson).
    case 'rush-order':
    case 'stale-data':
      return;
  }
}

function applyChoice(lp: LessonPlant, run: PlantRun, steering: Steering, compiled: CompiledPlant, d: Decision, choice: PlantChoice): void {
  const until = 'until' in d && d.until !== undefined ? lp.minute(d.until) : Infinity;
  const later = (action: () => void): void => {
    if (until < lp.end) run.sim.scheduleAt(until, action);
  };
  if (d.kind === 'next-job' && choice.kind === 'next-job' && choice.order !== null) {
    const order = compiled.orderIndex.get(choice.order);
    if (order !== undefined) steering.pinNextJob(indexOf(compiled, d.equipment), order);
  } else if (d.kind === 'dispatching-rule' && choice.kind === 'dispatching-rule' && choice.rule !== null) {
    const machines = d.equipment ? d.equipment.map((id) => indexOf(compiled, id)) : run.machines.map((_, i) => i);
    steering.setRule(machines, choice.rule);
    later(() => steering.setRule(machines, undefined));
  } else if (d.kind === 'reroute' && choice.kind === 'reroute' && choice.to !== null) {
    const from = indexOf(compiled, d.from);
    steering.reroute(from, indexOf(compiled, choice.to), d.moveWaiting);
    later(() => steering.endReroute(from));
  } else if (d.kind === 'sequence' && choice.kind === 'sequence' && choice.sequence !== null) {
    const machines = d.equipment.map((id) => indexOf(compiled, id));
    for (const m of machines) {
      const matrix = lp.scenario.setupMatrices.find((s) => s.attribute === d.attribute && s.equipment.includes(compiled.equipment[m]!.id));
      if (matrix) steering.startCampaign([m], matrix.id, choice.sequence);
    }
    later(() => steering.endCampaign(machines));
  }
}
