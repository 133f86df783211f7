import type { Layout } from '../model/layoutSchema.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { maintenance, offShift } from '../scheduling/gantt.ts';
import type { Plan } from '../scheduling/plan.ts';
import { stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface ScheduleSource extends TwinStateSource {
  readonly plan: Plan;
}

/** Which state wins where a plan's stretches overlap: maintenance, then off-shift, then work. */
const PRIORITY = [stateCode.maintenance, stateCode['off-shift'], stateCode.setup, stateCode.processing] as const;

/**
 * A schedule played in the twin: what each machine is planned to do at each minute — setting up,
 * processing, off shift, in maintenance, else idle; before the plan starts, unknown (the plan
 * says nothing about the past). Per equipment, state changes as sorted typed arrays read by
 * binary search, as the other sources do. Equipment the plan does not use stays idle.
 */
export function createScheduleSource(plan: Plan, scenario: Scenario, layout: Layout): ScheduleSource {
  const ids = allEquipment(layout).map((e) => e.id);
  const machineOf = new Map(plan.pp.equipment.map((id, m) => [id, m]));
  let horizon = plan.pp.planStart + 60;
  for (let i = 0; i < plan.end.length; i++) horizon = Math.max(horizon, plan.end[i]! + 60);
  const opsOf: number[][] = plan.pp.equipment.map(() => []);
  for (let i = 0; i < plan.machine.length; i++) opsOf[plan.machine[i]!]!.push(i);

  const times: Float64Array[] = [];
  const codes: Uint8Array[] = [];
  for (const id of ids) {
    const m = machineOf.get(id);
    if (m === undefined) {
      times.push(Float64Array.of(0));
      codes.push(Uint8Array.of(stateCode.idle));
      continue;
    }
    // A sweep over stretch boundaries with one counter per kind of stretch.
    const edges: { t: number; kind: number; delta: number }[] = [];
    const add = (s: number, e: number, kind: number) => { if (e > s) edges.push({ t: s, kind, delta: 1 }, { t: e, kind, delta: -1 }); };
    for (const [s, e] of maintenance(plan, m, plan.pp.planStart, horizon)) add(s, e, 0);
    for (const [s, e] of offShift(plan, m, plan.pp.planStart, horizon)) add(s, e, 1);
    for (const op of opsOf[m]!) {
      add(Math.max(plan.pp.planStart, plan.setupStart[op]!), plan.start[op]!, 2);
      add(plan.start[op]!, plan.end[op]!, 3);
    }
    edges.sort((a, b) => a.t - b.t);
    const count = [0, 0, 0, 0];
    const t: number[] = [0];
    const c: number[] = [stateCode.unknown];
    const push = (at: number, code: number) => {
      // Several edges at one instant: the state after all of them counts.
      if (t[t.length - 1] === at) c[c.length - 1] = code;
      else { t.push(at); c.push(code); }
    };
    const current = () => { for (let k = 0; k < 4; k++) if (count[k]! > 0) return PRIORITY[k]!; return stateCode.idle; };
    push(plan.pp.planStart, stateCode.idle);
    for (let k = 0; k < edges.length; ) {
      const at = edges[k]!.t;
      for (; k < edges.length && edges[k]!.t === at; k++) count[edges[k]!.kind]! += edges[k]!.delta;
      push(Math.max(at, plan.pp.planStart), current());
    }
    // Keep only real changes.
    const keep = t.map((_, k) => k === 0 || c[k] !== c[k - 1]);
    times.push(Float64Array.from(t.filter((_, k) => keep[k])));
    codes.push(Uint8Array.from(c.filter((_, k) => keep[k])));
  }

  /** Index of the last change at or before `minutes`. */
  const at = (e: number, minutes: number): number => {
    const t = times[e]!;
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[mid]! <= minutes) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  return {
    label: 'Schedule (the plan, not observed states)',
    equipmentIds: ids,
    startIso: plan.pp.startIso,
    horizon,
    maxParts: 0,
    plan,
    sample(minutes: number, frame: TwinFrame): void {
      for (let e = 0; e < ids.length; e++) {
        frame.states[e] = codes[e]![at(e, minutes)]!;
        frame.fills[e] = 0;
      }
      frame.partCount = 0;
    },
    timeInState(e: number, minutes: number, out: Float64Array): void {
      out.fill(0);
      const t = times[e]!;
      const c = codes[e]!;
      const until = Math.min(Math.max(minutes, 0), horizon);
      for (let k = 0; k < t.length && t[k]! < until; k++) out[c[k]!]! += Math.min(until, t[k + 1] ?? Infinity) - t[k]!;
    },
    activity(e: number, minutes: number): EquipmentActivity {
      const m = machineOf.get(ids[e]!);
      if (m === undefined) return {};
      for (const op of opsOf[m]!) {
        if (plan.setupStart[op]! <= minutes && minutes < plan.end[op]!) {
          return { order: plan.pp.problem.jobs[plan.pp.problem.operations[op]!.job]!.name, operation: plan.pp.operationIds[op]! };
        }
      }
      return {};
    },
  };
}

export function isScheduleSource(source: TwinStateSource | undefined): source is ScheduleSource {
  return source !== undefined && 'plan' in source;
}
