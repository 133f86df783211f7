import { scaleUtc } from 'd3';
import { isoOffsetMinutes } from '../../model/calendar.ts';
import type { Scenario } from '../../model/scenarioSchema.ts';
import { maintenance, offShift, type GanttRow } from '../../scheduling/gantt.ts';
import type { Plan } from '../../scheduling/plan.ts';

/** Everything the chart shows at one moment; built when the plan or the view mode changes, not per frame. */
export interface GanttPicture {
  plan: Plan;
  scenario: Scenario;
  rows: GanttRow[];
  /** Per operation: product family index (colour). */
  family: Int32Array;
  /** Per operation: minutes its order finishes late (0 on time). */
  lateness: Float64Array;
  /** Per operation: 1 where the risk analysis says its order is at risk. */
  atRisk: Uint8Array | undefined;
  /** Per operation: first operation of its load, and the load's size (0 for the others of a load). */
  loadHead: Int32Array;
  loadSize: Int32Array;
}

/** What changes between frames: the time window, scrolling, selection, the cursor, a bar being dragged. */
export interface GanttView {
  /** CSS pixels of the canvas. */
  width: number;
  height: number;
  /** Minute at the left edge and pixels per minute. */
  x0: number;
  k: number;
  /** Rows scrolled out of sight above, in pixels. */
  scrollTop: number;
  rowHeight: number;
  /** The time axis across the top. */
  axisHeight: number;
  selectedOp: number | undefined;
  selectedMachine: number | undefined;
  /** The playback clock's minute (the timeline's cursor), if a source is playing. */
  cursor: number | undefined;
  drag: { op: number; row: number; start: number; end: number; ok: boolean } | undefined;
}

/** Muted family colours (ISA-101: saturated hues are for the abnormal); late is red, at risk amber, both with a shape. */
export const FAMILY_COLOURS = ['#8da4b8', '#a6b58f', '#b7a0c4', '#c9b58c', '#8fb7b0', '#b9a39a', '#9aa9c9', '#b8b8a0', '#a0b9c9', '#c4a8b4'];
const LATE = '#c62828';
const AT_RISK = '#b26a00';
const SELECTED = '#2f7de1';
const TEXT = '#1f2429';
const MUTED = '#5f6973';
const OFF_SHIFT = 'rgba(120, 128, 136, 0.16)';
const MAINTENANCE = 'rgba(194, 69, 155, 0.22)';
const FROZEN = 'rgba(59, 70, 81, 0.10)';

let hatch: CanvasPattern | null | undefined;
/** Diagonal hatching for changeovers: told apart from work by texture, not only by colour. */
function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  if (hatch !== undefined) return hatch;
  const tile = new OffscreenCanvas(6, 6);
  const t = tile.getContext('2d')!;
  t.fillStyle = '#e8e2d0';
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = '#8a7f63';
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(-1, 7); t.lineTo(7, -1);
  t.moveTo(-1, 1); t.lineTo(1, -1);
  t.moveTo(5, 7); t.lineTo(7, 5);
  t.stroke();
  hatch = ctx.createPattern(tile, 'repeat');
  return hatch;
}

export const px = (view: GanttView, minutes: number): number => (minutes - view.x0) * view.k;
export const minutesAt = (view: GanttView, x: number): number => view.x0 + x / view.k;

/** Rows in sight: [first, last). */
export function visibleRows(view: GanttView, count: number): [number, number] {
  const first = Math.max(0, Math.floor(view.scrollTop / view.rowHeight));
  const last = Math.min(count, Math.ceil((view.scrollTop + view.height - view.axisHeight) / view.rowHeight));
  return [first, last];
}

export const rowTop = (view: GanttView, row: number): number => view.axisHeight + row * view.rowHeight - view.scrollTop;

/**
 * Draws the chart: shading (off-shift, maintenance, frozen zone), changeovers, bars by family
 * with late and at-risk marks, due markers, the now line, the cursor and the time axis. Bars
 * narrower than a pixel merge into one run per pixel, so a zoomed-out week of 20,000
 * operations costs about as much as a screenful.
 */
export function drawGantt(ctx: CanvasRenderingContext2D, pic: GanttPicture, view: GanttView): void {
  const { plan, rows } = pic;
  const { width, height, rowHeight } = view;
  ctx.clearRect(0, 0, width, height);
  const from = minutesAt(view, 0);
  const to = minutesAt(view, width);
  const [first, last] = visibleRows(view, rows.length);
  const barTop = 4;
  const barHeight = rowHeight - 8;

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, view.axisHeight, width, height - view.axisHeight);
  ctx.clip();

  for (let r = first; r < last; r++) {
    const row = rows[r]!;
    const y = rowTop(view, r);
    if (row.kind === 'group') {
      ctx.fillStyle = '#f3f4f6';
      ctx.fillRect(0, y, width, rowHeight);
    } else if (row.machine >= 0 && row.machine === view.selectedMachine) {
      ctx.fillStyle = '#e6effb';
      ctx.fillRect(0, y, width, rowHeight);
    }
    if (row.kind === 'equipment') {
      ctx.fillStyle = OFF_SHIFT;
      for (const [s, e] of offShift(plan, row.machine, from, to)) ctx.fillRect(px(view, s), y, (e - s) * view.k, rowHeight);
      ctx.fillStyle = MAINTENANCE;
      for (const [s, e] of maintenance(plan, row.machine, from, to)) ctx.fillRect(px(view, s), y + 1, (e - s) * view.k, rowHeight - 2);
    }
    ctx.strokeStyle = '#e4e7ea';
    ctx.beginPath();
    ctx.moveTo(0, y + rowHeight - 0.5);
    ctx.lineTo(width, y + rowHeight - 0.5);
    ctx.stroke();
    drawRowBars(ctx, pic, view, row, y + barTop, barHeight, from, to, row.kind === 'group' && row.collapsed);
    if (row.kind === 'order') {
      const due = plan.pp.problem.jobs[row.job]!.due;
      if (due !== null && due >= from && due <= to) dueMarker(ctx, px(view, due), y, rowHeight, pic.lateness[row.ops[0] ?? 0]! > 0);
    }
  }

  // The selected operation's order: its due date across the chart.
  if (view.selectedOp !== undefined) {
    const job = plan.pp.problem.jobs[plan.pp.problem.operations[view.selectedOp]!.job]!;
    if (job.due !== null && job.due >= from && job.due <= to) {
      const x = px(view, job.due);
      ctx.strokeStyle = pic.lateness[view.selectedOp]! > 0 ? LATE : MUTED;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x + 0.5, view.axisHeight);
      ctx.lineTo(x + 0.5, height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  if (view.drag) {
    const { row, start, end, ok } = view.drag;
    const y = rowTop(view, row) + barTop;
    ctx.fillStyle = ok ? 'rgba(47, 125, 225, 0.25)' : 'rgba(198, 40, 40, 0.18)';
    ctx.fillRect(px(view, start), y, Math.max(2, (end - start) * view.k), barHeight);
    ctx.strokeStyle = ok ? SELECTED : LATE;
    ctx.lineWidth = 2;
    ctx.setLineDash(ok ? [] : [5, 3]);
    ctx.strokeRect(px(view, start), y, Math.max(2, (end - start) * view.k), barHeight);
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
  }

  // The frozen zone: everything before the plan start is history or already running.
  const now = plan.pp.planStart;
  if (now > from) {
    ctx.fillStyle = FROZEN;
    ctx.fillRect(0, view.axisHeight, Math.min(width, px(view, now)), height);
  }
  if (now >= from && now <= to) verticalLine(ctx, px(view, now), view.axisHeight, height, TEXT, 'now');
  if (view.cursor !== undefined && view.cursor >= from && view.cursor <= to) verticalLine(ctx, px(view, view.cursor), view.axisHeight, height, '#00796b', 'cursor');
  ctx.restore();

  drawAxis(ctx, pic, view, from, to);
}

function drawRowBars(ctx: CanvasRenderingContext2D, pic: GanttPicture, view: GanttView, row: GanttRow, y: number, h: number, from: number, to: number, summary: boolean): void {
  const { plan } = pic;
  const ops = row.ops;
  const showSetups = row.kind === 'equipment';
  const drawnLate: number[] = [];
  // Sub-pixel bars merge into one run per pixel column.
  let runStart = -1;
  let runEnd = -1;
  let runColour = '';
  const flush = () => {
    if (runStart < 0) return;
    if (ctx.fillStyle !== runColour) ctx.fillStyle = runColour;
    ctx.fillRect(runStart, y, Math.max(1, runEnd - runStart), h);
    runStart = -1;
  };
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const s = plan.start[op]!;
    if (s > to) break;
    const e = plan.end[op]!;
    const ss = plan.setupStart[op]!;
    if (e < from && (!showSetups || s < from)) continue;
    if (pic.loadSize[op] === 0) continue;
    if (view.drag?.op === op) continue;
    const x = px(view, s);
    const w = (e - s) * view.k;
    if (showSetups && plan.setup[op]! > 0 && s > ss) {
      const sx = px(view, ss);
      const sw = x - sx;
      if (sw >= 1) {
        flush();
        ctx.fillStyle = hatchPattern(ctx) ?? '#e8e2d0';
        ctx.fillRect(sx, y + h * 0.2, sw, h * 0.6);
        if (sw > 70) setupLabel(ctx, pic, k > 0 ? ops[k - 1]! : -1, op, sx, y, sw, h);
      }
    }
    const colour = FAMILY_COLOURS[pic.family[op]! % FAMILY_COLOURS.length]!;
    if (w < 1.5 && !summary) {
      if (runStart >= 0 && x <= runEnd + 1 && colour === runColour) { runEnd = Math.max(runEnd, x + w); continue; }
      flush();
      runStart = x; runEnd = x + w; runColour = colour;
      if (pic.lateness[op]! > 0) drawnLate.push(op);
      continue;
    }
    flush();
    if (ctx.fillStyle !== colour) ctx.fillStyle = colour;
    const top = summary ? y + h * 0.3 : y;
    const bh = summary ? h * 0.4 : h;
    ctx.fillRect(x, top, Math.max(1, w), bh);
    if (summary) continue;
    const late = pic.lateness[op]! > 0;
    const risky = !late && pic.atRisk?.[op] === 1;
    if (late || risky) {
      ctx.strokeStyle = late ? LATE : AT_RISK;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(late ? [] : [3, 2]);
      ctx.strokeRect(x + 0.75, y + 0.75, Math.max(1, w - 1.5), h - 1.5);
      ctx.setLineDash([]);
      ctx.lineWidth = 1;
      if (late) triangle(ctx, x + w, y, LATE); else diamond(ctx, x + w, y, AT_RISK);
    }
    if (plan.locked[op] || plan.pp.fixed[op]) pin(ctx, x, y, plan.pp.fixed[op]?.kind === 'frozen');
    if (op === view.selectedOp) {
      ctx.strokeStyle = SELECTED;
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 1, y - 1, Math.max(1, w) + 2, h + 2);
      ctx.lineWidth = 1;
    }
    if (w > 46) barLabel(ctx, pic, op, x, y, w, h, late, risky);
  }
  flush();
  // Late orders keep their mark even when their bars are thinner than a pixel.
  for (const op of drawnLate) triangle(ctx, px(view, plan.end[op]!), y, LATE);
}

function barLabel(ctx: CanvasRenderingContext2D, pic: GanttPicture, op: number, x: number, y: number, w: number, h: number, late: boolean, risky: boolean): void {
  const { plan } = pic;
  const order = plan.pp.problem.jobs[plan.pp.problem.operations[op]!.job]!.name;
  const size = pic.loadSize[op]!;
  let text = size > 1 ? `${order} +${size - 1}` : order;
  if (late) text = `LATE ${text}`;
  else if (risky) text = `RISK ${text}`;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x + 2, y, w - 4, h);
  ctx.clip();
  ctx.fillStyle = late ? LATE : TEXT;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 4, y + h / 2);
  ctx.restore();
}

/** The changeover key of an operation on its machine ("red", "A+blue"), or its product where the machine has no matrix. */
export function setupKey(plan: Plan, op: number): string {
  const m = plan.machine[op]!;
  return plan.pp.familyLabels[m]?.[plan.pp.problem.setups?.family[op] ?? 0] || plan.pp.orders[plan.pp.problem.operations[op]!.job]!.product;
}

function setupLabel(ctx: CanvasRenderingContext2D, pic: GanttPicture, prev: number, op: number, x: number, y: number, w: number, h: number): void {
  const { plan } = pic;
  const to = `${prev >= 0 ? setupKey(plan, prev) : 'start'} → ${setupKey(plan, op)}`;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x + 1, y + h / 2 - 6, ctx.measureText(to).width + 4, 12);
  ctx.fillStyle = '#4e4630';
  ctx.fillText(to, x + 3, y + h / 2);
  ctx.restore();
}

function triangle(ctx: CanvasRenderingContext2D, x: number, y: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(x - 5, y - 3);
  ctx.lineTo(x + 5, y - 3);
  ctx.lineTo(x, y + 5);
  ctx.closePath();
  ctx.fill();
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(x, y - 4);
  ctx.lineTo(x + 4, y);
  ctx.lineTo(x, y + 4);
  ctx.lineTo(x - 4, y);
  ctx.closePath();
  ctx.fill();
}

/** A pin on pinned (locked) and frozen operations: they do not move when the plan is re-optimised. */
function pin(ctx: CanvasRenderingContext2D, x: number, y: number, frozen: boolean): void {
  ctx.fillStyle = frozen ? '#3b4651' : '#2f4f7a';
  ctx.fillRect(x + 1, y + 1, 4, 4);
}

function dueMarker(ctx: CanvasRenderingContext2D, x: number, y: number, h: number, late: boolean): void {
  ctx.strokeStyle = late ? LATE : MUTED;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y + 2);
  ctx.lineTo(x, y + h - 2);
  ctx.stroke();
  ctx.lineWidth = 1;
}

function verticalLine(ctx: CanvasRenderingContext2D, x: number, top: number, bottom: number, colour: string, label: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, top);
  ctx.lineTo(Math.round(x) + 0.5, bottom);
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.fillStyle = colour;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(label, x + 3, top + 2);
}

/** Ticks in the plant's own clock (the scenario start's offset), whatever the browser's zone. */
function drawAxis(ctx: CanvasRenderingContext2D, pic: GanttPicture, view: GanttView, from: number, to: number): void {
  const h = view.axisHeight;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, view.width, h);
  ctx.strokeStyle = '#d9dde1';
  ctx.beginPath();
  ctx.moveTo(0, h - 0.5);
  ctx.lineTo(view.width, h - 0.5);
  ctx.stroke();
  const startMs = Date.parse(pic.plan.pp.startIso) + isoOffsetMinutes(pic.plan.pp.startIso) * 60_000;
  const scale = scaleUtc().domain([new Date(startMs + from * 60_000), new Date(startMs + to * 60_000)]).range([0, view.width]);
  const ticks = scale.ticks(Math.max(2, Math.floor(view.width / 90)));
  const format = scale.tickFormat(ticks.length);
  ctx.fillStyle = MUTED;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const t of ticks) {
    const x = scale(t);
    ctx.strokeStyle = '#c9ced3';
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, h - 6);
    ctx.lineTo(Math.round(x) + 0.5, h);
    ctx.stroke();
    ctx.fillText(format(t), x + 3, h / 2 - 2);
  }
}
