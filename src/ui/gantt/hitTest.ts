import type { GanttRow } from '../../scheduling/gantt.ts';
import type { Plan } from '../../scheduling/plan.ts';
import { minutesAt, type GanttView } from './drawGantt.ts';

/** The row under a canvas y (−1 above the rows or below the last). */
export function rowAt(view: GanttView, rows: readonly GanttRow[], y: number): number {
  if (y < view.axisHeight) return -1;
  const r = Math.floor((y - view.axisHeight + view.scrollTop) / view.rowHeight);
  return r >= 0 && r < rows.length ? r : -1;
}

/** The operation whose bar is under (x, y), within a few pixels; undefined on empty space or a summary row. */
export function barAt(plan: Plan, view: GanttView, rows: readonly GanttRow[], x: number, y: number): number | undefined {
  const r = rowAt(view, rows, y);
  const row = rows[r];
  if (!row || (row.kind === 'group')) return undefined;
  const t = minutesAt(view, x);
  const slack = 3 / view.k;
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const op of row.ops) {
    const s = plan.start[op]!;
    if (s - slack > t) break;
    const e = plan.end[op]!;
    if (t > e + slack) continue;
    const distance = t < s ? s - t : t > e ? t - e : 0;
    if (distance < bestDistance) { best = op; bestDistance = distance; }
  }
  return best;
}
