import type { DispatchList, Schedule } from '../../src/model/scheduleSchema.ts';
import { objectiveName } from '../objective.ts';
import { plantIso, type PlantProblem } from './plantProblem.ts';
import type { PlantSolveResult } from './solvePlant.ts';

type ScheduledOperation = Schedule['operations'][number];

export interface Changeover {
  equipment: string;
  from: string | null;
  to: string;
  minutes: number;
  start: string;
}

export interface PlantOutputs {
  /** Made when first read. */
  schedule: Schedule;
  /** Made when first read. */
  dispatchList: DispatchList;
  /** The schedule's fields but its operations (which come last in its file). */
  scheduleHead: Omit<Schedule, 'operations'>;
  /** The schedule's operations, each made as it is read: a writer streaming them out never holds them all. */
  scheduleOperations: () => Generator<ScheduledOperation>;
  changeovers: Changeover[];
  /** Share of each machine's working time up to the makespan spent on changeovers and work. */
  utilisation: Record<string, number>;
}

export interface OutputOptions {
  /** Version id of the schedule (default: "<scenario>-schedule"). */
  id?: string;
  supersedes?: string | null;
  /** ISO time written as createdAt (default: now); pass one for byte-identical files. */
  createdAt?: string;
}

/** The solver's result as the files the rest of the product reads: schedule, dispatch list, changeovers. */
/** What the files need of a solve; an edited plan (src/scheduling) supplies the same. */
export type PlantOutputInput = Pick<PlantSolveResult, 'timetable' | 'kpis' | 'objective' | 'lowerBound' | 'gap'>;

export function plantOutputs(pp: PlantProblem, r: PlantOutputInput, options: OutputOptions = {}): PlantOutputs {
  const t = r.timetable;
  const p = pp.problem;
  const id = options.id ?? `${pp.scenario}-schedule`;
  const createdAt = options.createdAt ?? new Date().toISOString();
  const family = (i: number): number => p.setups?.family[i] ?? 0;
  const label = (k: number, i: number): string => pp.familyLabels[k]?.[family(i)] || pp.orders[p.operations[i]!.job]!.product;
  const byMachine: number[][] = pp.equipment.map(() => []);
  t.machine.forEach((k, i) => byMachine[k]?.push(i));
  for (const ops of byMachine) ops.sort((a, b) => (t.setupStart[a] as number) - (t.setupStart[b] as number) || (t.batch[a] as number) - (t.batch[b] as number) || a - b);
  // The changeover comes from the previous job on the machine (the batch's first operation).
  const prevOf = new Int32Array(t.machine.length).fill(-1);
  for (const ops of byMachine) {
    let prevJob = -1;
    for (const v of ops) {
      const lead = t.batch[v] as number;
      if (lead === v) { prevOf[v] = prevJob; prevJob = v; }
    }
  }
  const batchIds = new Map<number, string>();
  for (const ops of byMachine) for (const v of ops) {
    const k = t.machine[v] as number;
    const lead = t.batch[v] as number;
    if (pp.plant.machines[k]?.batch && !batchIds.has(lead)) batchIds.set(lead, `${pp.equipment[k]}.${batchIds.size + 1}`);
  }
  const setupOf = (i: number): { from: string | null; to: string; minutes: number } | undefined => {
    const minutes = t.setup[i] as number;
    if (!(minutes > 0)) return undefined;
    const k = t.machine[i] as number;
    const prev = prevOf[i] as number;
    return { from: prev < 0 ? null : label(k, prev), to: label(k, i), minutes };
  };
  // Each time written once when the whole schedule is held (its entries and the dispatch list share the strings).
  const n = t.machine.length;
  let times: { start: string[]; end: string[] } | null = null;
  const allTimes = (): { start: string[]; end: string[] } => {
    if (times !== null) return times;
    const start = new Array<string>(n);
    const end = new Array<string>(n);
    for (let i = 0; i < n; i++) { start[i] = plantIso(pp, t.start[i] as number); end[i] = plantIso(pp, t.end[i] as number); }
    return (times = { start, end });
  };
  const entry = (job: string, i: number, start: string, end: string): ScheduledOperation => {
    const k = t.machine[i] as number;
    const s = setupOf(i);
    const fixed = pp.fixed[i] ?? null;
    // Keys in the schema's order (the file's text follows it); the optional ones only when there.
    const o: Omit<ScheduledOperation, 'frozen' | 'locked'> & Partial<ScheduledOperation> = { order: job, operation: pp.operationIds[i]!, equipment: pp.equipment[k]!, start, end };
    if (s) o.setup = { ...s, start: plantIso(pp, t.setupStart[i] as number) };
    // Lots taken before the run with no changeover (waiting for a window or an operator): the
    // simulator's follower begins the job then, freeing input room when the plan does.
    if (!s && (t.setupStart[i] as number) < (t.start[i] as number)) o.begin = plantIso(pp, t.setupStart[i] as number);
    const batch = batchIds.get(t.batch[i] as number);
    if (batch !== undefined) o.batch = batch;
    // A lot split into batches: the units this entry covers.
    if (pp.plant.quantity[i] !== pp.orders[p.operations[i]!.job]!.quantity) o.quantity = pp.plant.quantity[i] as number;
    o.frozen = fixed?.kind === 'frozen';
    o.locked = fixed?.kind === 'locked';
    return o as ScheduledOperation;
  };
  const changed: number[] = [];
  for (let i = 0; i < n; i++) if ((t.setup[i] as number) > 0) changed.push(i);
  // In time order (numbers, not strings: an ISO time with milliseconds does not sort as text), then by equipment.
  changed.sort((a, b) => (t.setupStart[a] as number) - (t.setupStart[b] as number) || pp.equipment[t.machine[a] as number]!.localeCompare(pp.equipment[t.machine[b] as number]!) || a - b);
  const changeovers: Changeover[] = changed.map((i) => ({ equipment: pp.equipment[t.machine[i] as number]!, ...setupOf(i)!, start: plantIso(pp, t.setupStart[i] as number) }));
  const utilisation: Record<string, number> = {};
  pp.equipment.forEach((name, k) => {
    const clock = pp.plant.machines[k]!.availability;
    const open = clock.within(pp.planStart, r.kpis.makespan);
    let busy = 0;
    for (const i of byMachine[k]!) if (t.batch[i] === i) busy += clock.within(t.start[i] as number, t.end[i] as number) + (t.setup[i] as number);
    utilisation[name] = open > 0 ? Math.min(1, busy / open) : 0;
  });
  const scheduleHead: Omit<Schedule, 'operations'> = {
    format: 'plant-twin/schedule',
    version: 1,
    id,
    supersedes: options.supersedes ?? null,
    scenario: pp.scenario,
    createdAt,
    objective: objectiveName(r.objective),
    kpis: { makespan: r.kpis.makespan, totalSetup: r.kpis.totalSetup, weightedTardiness: r.kpis.weightedTardiness, lateOrders: r.kpis.lateOrders, utilisation },
    lowerBound: r.lowerBound[0] ?? 0,
    gap: r.gap,
  };
  function* scheduleOperations(): Generator<ScheduledOperation> {
    for (const job of p.jobs) {
      for (const i of job.operations) {
        const held = times;
        yield entry(job.name, i, held?.start[i] ?? plantIso(pp, t.start[i] as number), held?.end[i] ?? plantIso(pp, t.end[i] as number));
      }
    }
  }
  const makeSchedule = (): Schedule => {
    allTimes();
    return { ...scheduleHead, operations: [...scheduleOperations()] };
  };
  const makeDispatchList = (): DispatchList => ({
    format: 'plant-twin/dispatch',
    version: 1,
    id: `${id}-dispatch`,
    supersedes: null,
    schedule: id,
    createdAt,
    equipment: pp.equipment.map((name, k) => ({
      equipment: name,
      jobs: byMachine[k]!.map((i, n) => {
        const order = pp.orders[p.operations[i]!.job]!;
        const s = setupOf(i);
        return {
          sequence: n + 1,
          order: order.id,
          product: order.product,
          operation: pp.operationIds[i]!,
          quantity: pp.plant.quantity[i] as number,
          plannedStart: allTimes().start[i]!,
          plannedEnd: allTimes().end[i]!,
          ...(s ? { changeover: s } : {}),
        };
      }),
    })),
  });
  // Each made when first read: a caller that writes only the schedule's file (the CLI) streams its
  // entries out as they are made and never holds the whole of either (~700,000 entries at 100,000 orders).
  let schedule: Schedule | undefined;
  let dispatchList: DispatchList | undefined;
  const out = {
    get schedule() { return (schedule ??= makeSchedule()); },
    get dispatchList() { return (dispatchList ??= makeDispatchList()); },
    changeovers,
    utilisation,
  };
  // Not enumerable: the outputs are spread and posted from the worker to the app as data (a
  // function cannot be cloned); the streaming writer asks for these by name.
  return Object.defineProperties(out, { scheduleHead: { value: scheduleHead }, scheduleOperations: { value: scheduleOperations } }) as PlantOutputs;
}
