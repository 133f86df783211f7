import type { Layout } from '../model/layoutSchema.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Plan } from './plan.ts';

/**
 * What the Gantt draws, as rows of operations: by resource (equipment grouped by the ISA-95
 * tree: area, line, work cell; groups collapsible) or by order. Pure data; the canvas drawing
 * reads it.
 */
export interface GanttRow {
  kind: 'group' | 'equipment' | 'order';
  /** Equipment id, order id, or the tree node's id for a group. */
  id: string;
  label: string;
  /** Nesting level in the tree (0 for areas and for orders). */
  depth: number;
  /** Machine index in the plan (equipment rows). */
  machine: number;
  /** Job index in the plan (order rows). */
  job: number;
  /** Group rows: collapsed, and then its equipment's operations drawn in it as a summary. */
  collapsed: boolean;
  /** Operations drawn in this row, by start. */
  ops: Int32Array;
}

const byStart = (plan: Plan, ops: number[]): Int32Array => Int32Array.from(ops.sort((a, b) => plan.start[a]! - plan.start[b]! || a - b));

/** Operations per machine, by start. */
export function opsByMachine(plan: Plan): number[][] {
  const lists: number[][] = plan.pp.equipment.map(() => []);
  for (let i = 0; i < plan.machine.length; i++) lists[plan.machine[i]!]?.push(i);
  return lists;
}

/**
 * Resource rows: the layout's areas, lines and cells that hold scheduled equipment, each
 * followed by its equipment (skipped under a collapsed group). Equipment the layout does not
 * place comes last, under "Not in the layout".
 */
export function resourceRows(plan: Plan, layout: Layout, collapsed: ReadonlySet<string>): GanttRow[] {
  const perMachine = opsByMachine(plan);
  const machineOf = new Map(plan.pp.equipment.map((id, m) => [id, m]));
  const rows: GanttRow[] = [];
  const placed = new Set<number>();
  const group = (id: string, label: string, depth: number, machines: number[], hidden: boolean): boolean => {
    if (machines.length === 0 || hidden) return hidden;
    const shut = collapsed.has(id);
    rows.push({ kind: 'group', id, label, depth, machine: -1, job: -1, collapsed: shut, ops: shut ? byStart(plan, machines.flatMap((m) => perMachine[m]!)) : new Int32Array(0) });
    return shut;
  };
  for (const area of layout.site.areas) {
    const areaMachines = area.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => machineOf.get(e.id)).filter((m): m is number => m !== undefined)));
    const areaShut = group(area.id, area.name, 0, areaMachines, false);
    for (const line of area.lines) {
      const lineMachines = line.cells.flatMap((c) => c.equipment.map((e) => machineOf.get(e.id)).filter((m): m is number => m !== undefined));
      const lineShut = group(line.id, line.name, 1, lineMachines, areaShut);
      for (const cell of line.cells) {
        const cellMachines = cell.equipment.map((e) => machineOf.get(e.id)).filter((m): m is number => m !== undefined);
        const cellShut = group(cell.id, cell.name, 2, cellMachines, lineShut);
        for (const e of cell.equipment) {
          const m = machineOf.get(e.id);
          if (m === undefined) continue;
          placed.add(m);
          if (!cellShut) rows.push({ kind: 'equipment', id: e.id, label: e.name, depth: 3, machine: m, job: -1, collapsed: false, ops: byStart(plan, perMachine[m]!) });
        }
      }
    }
  }
  const rest = plan.pp.equipment.map((_, m) => m).filter((m) => !placed.has(m));
  if (!group('(not in layout)', 'Not in the layout', 0, rest, false)) {
    for (const m of rest) rows.push({ kind: 'equipment', id: plan.pp.equipment[m]!, label: plan.pp.equipment[m]!, depth: 1, machine: m, job: -1, collapsed: false, ops: byStart(plan, perMachine[m]!) });
  }
  return rows;
}

/** One row per order, in due-date order (then by id), its operations along it. */
export function orderRows(plan: Plan): GanttRow[] {
  const jobs = plan.pp.problem.jobs.map((job, j) => ({ job, j }));
  jobs.sort((a, b) => (a.job.due ?? Infinity) - (b.job.due ?? Infinity) || a.job.name.localeCompare(b.job.name));
  return jobs.map(({ job, j }) => ({ kind: 'order', id: job.name, label: job.name, depth: 0, machine: -1, job: j, collapsed: false, ops: byStart(plan, [...job.operations]) }));
}

/** Per operation: how late its order finishes (minutes, 0 when on time or without a due date). */
export function orderLateness(plan: Plan): Float64Array {
  const out = new Float64Array(plan.machine.length);
  for (const job of plan.pp.problem.jobs) {
    const last = job.operations[job.operations.length - 1];
    if (last === undefined || job.due === null) continue;
    const late = Math.max(0, plan.end[last]! - job.due);
    for (const op of job.operations) out[op] = late;
  }
  return out;
}

/** Per operation: the index of its product's family among the scenario's families (for colour), in first-seen order. */
export function familyIndex(plan: Plan, scenario: Scenario): { family: Int32Array; names: string[] } {
  const names: string[] = [];
  const ofProduct = new Map<string, number>();
  for (const p of scenario.products) {
    let k = names.indexOf(p.family);
    if (k < 0) { k = names.length; names.push(p.family); }
    ofProduct.set(p.id, k);
  }
  const family = new Int32Array(plan.machine.length);
  for (let i = 0; i < family.length; i++) family[i] = ofProduct.get(plan.pp.orders[plan.pp.problem.operations[i]!.job]!.product) ?? 0;
  return { family, names };
}

/** Per machine, non-working stretches [from, to) within [from, to): off-shift and breaks, from its calendar. */
export function offShift(plan: Plan, machine: number, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const [s, e] of plan.pp.plant.machines[machine]?.calendarIntervals(from, to) ?? []) {
    if (e <= from) continue;
    if (s >= to) break;
    if (s > at) out.push([at, Math.min(s, to)]);
    at = Math.max(at, e);
  }
  if (at < to) out.push([at, to]);
  return out;
}

/** Per machine, planned maintenance windows [from, to) (repeats expanded), as the solver plans around them. */
export function maintenance(plan: Plan, machine: number, from: number, to: number): [number, number][] {
  return (plan.pp.plant.machines[machine]?.maintenanceWindows(from, to) ?? []).map(([s, e]) => [s, e]);
}

/**
 * Operations that run as one load (a batch on batch equipment): per operation the first
 * operation of its load (itself when alone) and the load's size, so the chart draws one bar with
 * a count.
 */
export function loads(plan: Plan): { head: Int32Array; size: Int32Array } {
  const n = plan.machine.length;
  const head = Int32Array.from(plan.batch);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[head[i]!]!++;
  return { head, size };
}
