import { checkPlantTimetable, type PlantViolation } from '../../solver/plant/plantChecker.ts';
import { applySetup, setupTime } from '../sim/plant/setups.ts';
import { copyPlan, planTimetable, type Plan } from './plan.ts';

/** Jobs (batch leaders) on `machine` by begin (then index), as the checker walks them. */
export function machineJobs(plan: Plan, machine: number): number[] {
  const jobs: number[] = [];
  for (let i = 0; i < plan.machine.length; i++) if (plan.machine[i] === machine && plan.batch[i] === i) jobs.push(i);
  jobs.sort((a, b) => plan.setupStart[a]! - plan.setupStart[b]! || a - b);
  return jobs;
}

/** Operations on `machine`, by start (then end, then index). */
export function machineSequence(plan: Plan, machine: number, without = -1): number[] {
  const ops: number[] = [];
  for (let i = 0; i < plan.machine.length; i++) if (plan.machine[i] === machine && i !== without) ops.push(i);
  ops.sort((a, b) => plan.start[a]! - plan.start[b]! || plan.end[a]! - plan.end[b]! || a - b);
  return ops;
}

/** Working minutes `op` takes on `machine`, or undefined where it is not eligible. */
export function durationOn(plan: Plan, op: number, machine: number): number | undefined {
  return plan.pp.problem.operations[op]!.modes.find((x) => x.machine === machine)?.duration;
}

/**
 * Where an operation would run when dropped at `start` on `machine`, by the machine's working
 * time (calendar minus planned maintenance): the run begins at the next working instant and pauses
 * outside it; an uninterruptible one begins where its whole time fits without a pause.
 */
export function placement(plan: Plan, op: number, machine: number, start: number): { start: number; end: number } | undefined {
  const duration = durationOn(plan, op, machine);
  if (duration === undefined) return undefined;
  const clock = plan.pp.plant.machines[machine]!.availability;
  const at = Math.max(plan.pp.planStart, start);
  const begin = plan.pp.plant.uninterruptible[op] === 1 ? clock.nextStretch(at, duration) : clock.nextWorking(at);
  return { start: begin, end: clock.finish(begin, duration) };
}

export type MoveRefusal =
  | { kind: 'locked' | 'frozen'; operations: number[] }
  | { kind: 'eligibility'; operations: number[]; machine: number };

/**
 * The changeovers of `machine`'s jobs by the simulator's rule (walking its jobs in order from the
 * keys it is set up for at the plan start); a job whose changeover changed begins that many
 * working minutes before its start. Frozen jobs keep theirs (a snapshot's changeover left).
 */
function retimeChangeovers(plan: Plan, machine: number, touched: Set<number>): void {
  // A changed changeover moves a job's begin, which may reorder jobs that overlap (a plan being
  // judged need not be feasible): walk again until the order the checker sees is the one walked.
  for (let round = 0; round < 4; round++) {
    const order = machineJobs(plan, machine);
    walkChangeovers(plan, machine, order, touched);
    const after = machineJobs(plan, machine);
    if (after.every((v, i) => v === order[i])) return;
  }
}

function walkChangeovers(plan: Plan, machine: number, jobs: number[], touched: Set<number>): void {
  const spec = plan.pp.plant.machines[machine]!;
  const keys = Int32Array.from(spec.initialKeys);
  const clock = spec.availability;
  for (const lead of jobs) {
    const product = plan.pp.plant.product[lead]!;
    if (plan.pp.fixed[lead]?.kind !== 'frozen') {
      const need = setupTime(spec.setups, keys, product);
      if (need !== plan.setup[lead]) {
        const begin = need > 0 ? clock.startAt(Math.max(0, clock.work(plan.start[lead]!) - need)) : plan.start[lead]!;
        for (let w = 0; w < plan.batch.length; w++) {
          if (plan.batch[w] !== lead) continue;
          (plan.setup as Float64Array)[w] = need;
          (plan.setupStart as Float64Array)[w] = begin;
          touched.add(w);
        }
      }
    }
    applySetup(spec.setups, keys, product);
  }
}

/**
 * When the lot of `op` takes its room in front of its machine: as late as its begin allows after
 * the transport lag, never before its predecessors end (or its release). A lot in front of its
 * machine at the plan start (waiting or frozen) keeps its own.
 */
function placeRoom(plan: Plan, op: number): void {
  const pp = plan.pp;
  if (pp.plant.waiting[op] === 1 || pp.fixed[op]?.kind === 'frozen') return;
  const m = pp.equipment.length;
  const k = plan.machine[op]!;
  const o = pp.problem.operations[op]!;
  let earliest = o.predecessors.length === 0 ? Math.max(o.release, pp.planStart) : -Infinity;
  let latest = Infinity;
  if (o.predecessors.length === 0) {
    const from = pp.plant.origin[op]!;
    latest = plan.setupStart[op]! - (from < 0 ? 0 : pp.plant.lag[from * m + k]!);
  }
  for (const u of o.predecessors) {
    earliest = Math.max(earliest, plan.end[u]!);
    latest = Math.min(latest, plan.setupStart[op]! - pp.plant.lag[plan.machine[u]! * m + k]!);
  }
  (plan.room as Float64Array)[op] = Math.max(earliest, latest);
}

/**
 * The plan with `op` moved to `machine` at `start` (snapped to working time): it leaves its batch
 * (the rest of the batch keeps its start and takes its longest remaining member's time), the
 * changeovers of both machines are recomputed by the simulator's rule, and the lots of the
 * operations whose times changed get their room anew; every other operation stays where it is.
 * Or why it cannot be moved at all (locked, frozen, not eligible there). Whether the result is
 * feasible is the plant checker's to say.
 */
export function moveOperation(plan: Plan, op: number, machine: number, start: number): { plan: Plan } | { refused: MoveRefusal } {
  const fixed = plan.pp.fixed[op];
  if (fixed?.kind === 'frozen') return { refused: { kind: 'frozen', operations: [op] } };
  if (plan.locked[op] || fixed?.kind === 'locked') return { refused: { kind: 'locked', operations: [op] } };
  const place = placement(plan, op, machine, start);
  if (!place) return { refused: { kind: 'eligibility', operations: [op], machine } };
  const next = copyPlan(plan);
  const from = plan.machine[op]!;
  const touched = new Set<number>([op]);
  leaveBatch(next, op, touched);
  (next.machine as Int32Array)[op] = machine;
  (next.start as Float64Array)[op] = place.start;
  (next.end as Float64Array)[op] = place.end;
  (next.setupStart as Float64Array)[op] = place.start;
  (next.setup as Float64Array)[op] = -1; // recomputed below
  retimeChangeovers(next, from, touched);
  if (machine !== from) retimeChangeovers(next, machine, touched);
  const { operations, jobs } = next.pp.problem;
  for (const v of [...touched]) for (const s of jobs[operations[v]!.job]!.operations) if (operations[s]!.predecessors.includes(v)) touched.add(s);
  for (const v of touched) placeRoom(next, v);
  return { plan: next };
}

/** Takes `op` out of its batch: the remaining members keep their start and run for their longest time. */
function leaveBatch(plan: Plan, op: number, touched: Set<number>): void {
  const lead = plan.batch[op]!;
  const rest: number[] = [];
  for (let w = 0; w < plan.batch.length; w++) if (w !== op && plan.batch[w] === lead) rest.push(w);
  (plan.batch as Int32Array)[op] = op;
  if (rest.length === 0) return;
  const k = plan.machine[op]!;
  const newLead = rest[0]!;
  const d = Math.max(...rest.map((w) => durationOn(plan, w, k) ?? 0));
  const end = plan.pp.plant.machines[k]!.availability.finish(plan.start[newLead]!, d);
  for (const w of rest) {
    (plan.batch as Int32Array)[w] = newLead;
    (plan.end as Float64Array)[w] = end;
    touched.add(w);
  }
}

/** Every way the plan breaks the plant's rules, by the solver's own checker. */
export function checkPlan(plan: Plan): PlantViolation[] {
  return checkPlantTimetable(plan.pp, planTimetable(plan));
}

/** Pins or frees an operation: a pinned one stays where it is when the rest is re-optimised. */
export function setLocked(plan: Plan, op: number, locked: boolean): Plan {
  const next = copyPlan(plan);
  (next.locked as Uint8Array)[op] = locked ? 1 : 0;
  return next;
}
