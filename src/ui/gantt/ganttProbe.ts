import { describeViolation } from '../../scheduling/describe.ts';
import { checkPlan } from '../../scheduling/edit.ts';
import { offShift } from '../../scheduling/gantt.ts';
import { planKpis } from '../../scheduling/plan.ts';
import { schedulingStore } from '../../state/schedulingStore.ts';
import type { ObjectiveKpis } from '../../../solver/objective.ts';
import { px, rowTop, type GanttPicture, type GanttView } from './drawGantt.ts';
import type { GanttMode } from './GanttChart.tsx';

export interface ProbedOperation { op: number; order: string; operation: string; equipment: string; start: number; end: number; locked: boolean; hasPredecessor: boolean; lastOfOrder: boolean; eligible: string[] }

/** What browser tests read from the Gantt: where a bar is on the page, and the plan behind it. */
export interface GanttProbe {
  /** Page coordinates of an operation's bar (its middle) in the last drawn view, if its row is drawn. */
  bar(op: number): { x: number; y: number; width: number } | undefined;
  /** Page coordinates of a plan minute on an equipment's row. */
  point(equipment: string, minutes: number): { x: number; y: number } | undefined;
  /** Operations in the plan, in the worker's schedule, and drawn once each in the chart's rows. */
  counts(): { plan: number; worker: number; drawn: number; drawnTwice: number };
  operation(op: number): ProbedOperation | undefined;
  operations(): ProbedOperation[];
  /** An equipment's non-working stretches [from, to) within [from, to) (off-shift, breaks). */
  offShift(equipment: string, from: number, to: number): [number, number][];
  /** The plant checker on the plan on screen, in the scheduler's words. */
  check(): string[];
  kpis(): ObjectiveKpis | undefined;
  view(): GanttView | undefined;
  mode(): GanttMode;
  /** Zooms and pans the time axis through d3-zoom, as a gesture does. */
  zoomTo(k: number, x: number): void;
  /** Milliseconds the last drawing of the chart took, and how many drawings there were. */
  draws(): { count: number; lastMs: number };
}

declare global {
  interface Window { __gantt?: GanttProbe }
}

/** Publishes window.__gantt over the chart's last drawn view. */
export function exposeGanttProbe(last: () => { view: GanttView; picture: GanttPicture; count: number; ms: number } | undefined, mode: GanttMode, zoomTo: (k: number, x: number) => void): void {
  if (typeof window === 'undefined') return;
  const canvas = () => document.querySelector('[data-testid="gantt-canvas"]')?.getBoundingClientRect();
  const plan = () => schedulingStore.getState().plan;
  const rowOf = (picture: GanttPicture, op: number) => picture.rows.findIndex((r) => r.kind !== 'group' && Array.prototype.includes.call(r.ops, op));
  const info = (op: number): ProbedOperation | undefined => {
    const p = plan();
    if (!p || op < 0 || op >= p.machine.length) return undefined;
    const job = p.pp.problem.jobs[p.pp.problem.operations[op]!.job]!;
    return {
      op, order: job.name, operation: p.pp.operationIds[op]!, equipment: p.pp.equipment[p.machine[op]!]!, start: p.start[op]!, end: p.end[op]!,
      locked: p.locked[op] === 1, hasPredecessor: p.pp.problem.operations[op]!.predecessors.length > 0, lastOfOrder: job.operations.at(-1) === op,
      eligible: p.pp.problem.operations[op]!.modes.map((x) => p.pp.equipment[x.machine]!),
    };
  };
  window.__gantt = {
    bar(op) {
      const drawn = last();
      const rect = canvas();
      const p = plan();
      if (!drawn || !rect || !p) return undefined;
      const r = rowOf(drawn.picture, op);
      if (r < 0) return undefined;
      const x0 = px(drawn.view, p.start[op]!);
      const x1 = px(drawn.view, p.end[op]!);
      return { x: rect.left + (x0 + x1) / 2, y: rect.top + rowTop(drawn.view, r) + drawn.view.rowHeight / 2, width: x1 - x0 };
    },
    point(equipment, minutes) {
      const drawn = last();
      const rect = canvas();
      if (!drawn || !rect) return undefined;
      const r = drawn.picture.rows.findIndex((row) => row.kind === 'equipment' && row.id === equipment);
      if (r < 0) return undefined;
      return { x: rect.left + px(drawn.view, minutes), y: rect.top + rowTop(drawn.view, r) + drawn.view.rowHeight / 2 };
    },
    counts() {
      const seen = new Map<number, number>();
      for (const row of last()?.picture.rows ?? []) if (row.kind !== 'group') for (const op of row.ops) seen.set(op, (seen.get(op) ?? 0) + 1);
      return {
        plan: plan()?.machine.length ?? 0,
        worker: schedulingStore.getState().facts?.workerOperations ?? 0,
        drawn: seen.size,
        drawnTwice: [...seen.values()].filter((n) => n > 1).length,
      };
    },
    operation: info,
    operations: () => Array.from({ length: plan()?.machine.length ?? 0 }, (_, i) => info(i)!),
    offShift(equipment, from, to) {
      const p = plan();
      const k = p?.pp.equipment.indexOf(equipment) ?? -1;
      return p && k >= 0 ? offShift(p, k, from, to) : [];
    },
    check() {
      const p = plan();
      return p ? checkPlan(p).map((v) => describeViolation(p, v)) : ['no plan'];
    },
    kpis: () => { const p = plan(); return p ? planKpis(p) : undefined; },
    view: () => last()?.view,
    mode: () => mode,
    zoomTo,
    draws: () => ({ count: last()?.count ?? 0, lastMs: last()?.ms ?? NaN }),
  };
}
