import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { minutesBetween } from '../../model/calendar.ts';
import type { Layout } from '../../model/layoutSchema.ts';
import type { Scenario } from '../../model/scenarioSchema.ts';
import { familyIndex, loads, orderLateness, orderRows, resourceRows, type GanttRow } from '../../scheduling/gantt.ts';
import type { Plan } from '../../scheduling/plan.ts';
import type { OrderRisk } from '../../scheduling/risk.ts';
import { drawGantt, minutesAt, type GanttPicture, type GanttView } from './drawGantt.ts';
import { barAt, rowAt } from './hitTest.ts';
import { OperationTooltip } from './OperationTooltip.tsx';

export type GanttMode = 'resources' | 'orders';

/** What the chart asks of its owner: it draws and reports, the owner decides. */
export interface GanttHandlers {
  /** A bar was clicked: its operation (and the equipment it runs on). */
  onSelect(op: number | undefined): void;
  /** An equipment row's label was clicked. */
  onSelectMachine(machine: number): void;
  /**
   * While dragging: would this drop be accepted, and if not, why; the plan it would make (timed
   * by the engine: where the bar really lands), and the pins that timing could not keep.
   */
  onProbe(op: number, machine: number, start: number): { ok: boolean; reason?: string; moved?: string[]; plan?: Plan };
  /** A drop: the owner commits it or refuses it with the reason (then the bar goes back). */
  onDrop(op: number, machine: number, start: number): { ok: boolean; reason?: string };
  /** The time axis was clicked: move the playback cursor there (plan minutes). */
  onSeek(minutes: number): void;
}

export interface GanttChartProps extends GanttHandlers {
  plan: Plan;
  scenario: Scenario;
  layout: Layout;
  mode: GanttMode;
  atRisk: Uint8Array | undefined;
  /** Risk per order (the risk column of the order rows), when assessed. */
  risks?: ReadonlyMap<string, OrderRisk>;
  selectedOp: number | undefined;
  /** The equipment selected in the twin or the tree (id). */
  selectedEquipment: string | undefined;
  /** Subscribes to the playback clock; the chart redraws its cursor when it ticks. */
  subscribeCursor(redraw: () => void): () => void;
  /** The clock's minute in plan minutes, or undefined without a source. */
  cursor(): number | undefined;
  /** Tells the drawing function the chart's view each frame (benchmarks and tests read it). */
  onDrawn?(view: GanttView, ms: number, picture: GanttPicture): void;
  /** Controls shown left of the zoom buttons (row mode, legend). */
  toolbar?: ReactNode;
  /** Receives a function that zooms and pans the time axis as the gestures do (scale k, offset x in pixels). */
  onZoomReady?(zoomTo: (k: number, x: number) => void): void;
}

const ROW = 26;
const AXIS = 24;
/** A press that moves less than this is a click, not a drag. */
const DRAG_PX = 4;

interface Drag { op: number; pointer: number; grabMinutes: number; x: number; y: number; moved: boolean; machine: number; start: number; end: number; ok: boolean; reason: string | undefined }

/**
 * The Gantt chart: d3 scales and zoom, drawn on a canvas so thousands of bars stay smooth. Rows
 * are the plant's equipment grouped by the ISA-95 tree (groups collapse) or the orders; bars can
 * be dragged to another time or eligible machine, and the owner's checker says whether the drop
 * holds. Ctrl + wheel zooms, dragging empty space pans, the wheel scrolls rows.
 */
export function GanttChart(props: GanttChartProps) {
  const { plan, scenario, layout, mode, atRisk, selectedOp, selectedEquipment } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [size, setSize] = useState({ width: 800, height: 300 });
  const [scrollTop, setScrollTop] = useState(0);
  const [hover, setHover] = useState<{ op: number; x: number; y: number } | undefined>();
  const [dragNote, setDragNote] = useState<{ text: string; ok: boolean; x: number; y: number } | undefined>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const drag = useRef<Drag | undefined>(undefined);
  const handlers = useRef<GanttChartProps>(props);
  handlers.current = props;

  const rows: GanttRow[] = useMemo(() => (mode === 'resources' ? resourceRows(plan, layout, collapsed) : orderRows(plan)), [plan, layout, collapsed, mode]);
  const picture: GanttPicture = useMemo(() => {
    const { family } = familyIndex(plan, scenario);
    const { head, size: loadSize } = loads(plan);
    return { plan, scenario, rows, family, lateness: orderLateness(plan), atRisk, loadHead: head, loadSize };
  }, [plan, scenario, rows, atRisk]);

  /** The whole plan, from the plan start to the last end, fills the width at zoom 1. */
  const base = useMemo(() => {
    let end = plan.pp.planStart + 60;
    for (let i = 0; i < plan.end.length; i++) if (plan.end[i]! > end) end = plan.end[i]!;
    const from = plan.pp.planStart - (end - plan.pp.planStart) * 0.02;
    const to = end + (end - plan.pp.planStart) * 0.03;
    return { from, span: Math.max(60, to - from) };
  }, [plan]);

  const view = useCallback((): GanttView => {
    const t = transform.current;
    const k0 = size.width / base.span;
    const k = k0 * t.k;
    const selectedMachine = selectedEquipment === undefined ? undefined : plan.pp.equipment.indexOf(selectedEquipment);
    const d = drag.current;
    return {
      width: size.width, height: size.height, x0: base.from - t.x / k, k, scrollTop, rowHeight: ROW, axisHeight: AXIS,
      selectedOp, selectedMachine: selectedMachine !== undefined && selectedMachine >= 0 ? selectedMachine : undefined,
      cursor: handlers.current.cursor(),
      drag: d?.moved ? { op: d.op, row: rowOfMachine(rows, d.machine, mode, plan, d.op), start: d.start, end: d.end, ok: d.ok } : undefined,
    };
  }, [size, base, scrollTop, selectedOp, selectedEquipment, plan, rows, mode]);

  const frame = useRef(0);
  const draw = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const v = view();
      const t0 = performance.now();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawGantt(ctx, picture, v);
      handlers.current.onDrawn?.(v, performance.now() - t0, picture);
    });
  }, [picture, view]);

  useEffect(() => { draw(); }, [draw]);
  useEffect(() => props.subscribeCursor(draw), [props.subscribeCursor, draw]); // eslint-disable-line react-hooks/exhaustive-deps

  // The canvas follows the size of its box, in device pixels.
  useEffect(() => {
    const c = canvas.current;
    const box = c?.parentElement;
    if (!c || !box) return;
    const observer = new ResizeObserver(() => {
      const width = Math.max(100, box.clientWidth);
      const height = Math.max(80, body.current?.clientHeight ?? box.clientHeight);
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
      setSize({ width, height });
    });
    observer.observe(box);
    if (body.current) observer.observe(body.current);
    return () => observer.disconnect();
  }, []);

  // d3-zoom on the time axis only: Ctrl/⌘ + wheel or pinch zooms, dragging empty space pans.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.5, 2000])
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type === 'dblclick') return false;
        const e = event as MouseEvent;
        if (e.button !== 0) return false;
        // A press on a bar is a drag of the bar, not a pan.
        const rect = c.getBoundingClientRect();
        return barAt(plan, view(), rows, e.clientX - rect.left, e.clientY - rect.top) === undefined && e.clientY - rect.top > AXIS;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        // Only x: keep the y of the transform at 0 so rows never drift.
        transform.current = zoomIdentity.translate(event.transform.x, 0).scale(event.transform.k);
        draw();
      });
    zoomer.current = behaviour;
    select(c).call(behaviour).on('dblclick.zoom', null);
    handlers.current.onZoomReady?.((k, x) => select(c).call(behaviour.transform, zoomIdentity.translate(x, 0).scale(k)));
    return () => { select(c).on('.zoom', null); };
  }, [plan, rows, view, draw]);

  const zoomBy = (factor: number) => {
    const c = canvas.current;
    if (c && zoomer.current) select(c).call(zoomer.current.scaleBy, factor, [size.width / 2, size.height / 2]);
  };
  const fit = () => {
    const c = canvas.current;
    if (c && zoomer.current) select(c).call(zoomer.current.transform, zoomIdentity);
  };

  // The equipment chosen in the twin or the tree comes into sight.
  useEffect(() => {
    if (selectedEquipment === undefined || mode !== 'resources' || !body.current) return;
    const r = rows.findIndex((row) => row.kind === 'equipment' && row.id === selectedEquipment);
    if (r < 0) return;
    const top = r * ROW;
    const el = body.current;
    if (top < el.scrollTop || top + ROW > el.scrollTop + el.clientHeight - AXIS) el.scrollTop = Math.max(0, top - ROW * 2);
  }, [selectedEquipment, rows, mode]);

  const local = (e: { clientX: number; clientY: number }) => {
    const rect = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const probe = (d: Drag, x: number, y: number) => {
    const v = view();
    const r = rowAt(v, rows, y);
    const row = rows[r];
    // By order, a bar keeps its machine; by resource, it goes to the equipment row under the pointer.
    const machine = mode === 'resources' && row?.kind === 'equipment' ? row.machine : plan.machine[d.op]!;
    const start = minutesAt(v, x) - d.grabMinutes;
    const answer = handlers.current.onProbe(d.op, machine, start);
    d.machine = machine;
    d.start = answer.plan?.start[d.op] ?? start;
    d.end = answer.plan?.end[d.op] ?? start + (plan.end[d.op]! - plan.start[d.op]!);
    d.ok = answer.ok;
    d.reason = answer.reason;
    const moved = answer.moved?.length ? `; moved: ${answer.moved.join('; ')}` : '';
    setDragNote({ text: answer.ok ? `Feasible: drop to apply${moved}` : answer.reason ?? 'Not feasible', ok: answer.ok, x, y });
    draw();
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    if (y <= AXIS) {
      handlers.current.onSeek(minutesAt(view(), x));
      return;
    }
    const op = barAt(plan, view(), rows, x, y);
    if (op === undefined || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { op, pointer: e.pointerId, grabMinutes: minutesAt(view(), x) - plan.start[op]!, x, y, moved: false, machine: plan.machine[op]!, start: plan.start[op]!, end: plan.end[op]!, ok: true, reason: undefined };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d && d.pointer === e.pointerId) {
      if (!d.moved && Math.hypot(x - d.x, y - d.y) < DRAG_PX) return;
      d.moved = true;
      setHover(undefined);
      probe(d, x, y);
      return;
    }
    const op = y > AXIS ? barAt(plan, view(), rows, x, y) : undefined;
    setHover(op === undefined ? undefined : { op, x, y });
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = undefined;
    setDragNote(undefined);
    if (!d.moved) {
      handlers.current.onSelect(d.op);
      draw();
      return;
    }
    const { x } = local(e);
    handlers.current.onDrop(d.op, d.machine, minutesAt(view(), x) - d.grabMinutes);
    draw();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (selectedOp === undefined) return;
    const rowIndex = rows.findIndex((r) => Array.prototype.includes.call(r.ops, selectedOp));
    const row = rows[rowIndex];
    if (!row) return;
    const at = Array.prototype.indexOf.call(row.ops, selectedOp) as number;
    if (!e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      const next = row.ops[at + (e.key === 'ArrowLeft' ? -1 : 1)];
      if (next !== undefined) handlers.current.onSelect(next);
    } else if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      const step = (e.altKey ? 60 : 15) * (e.key === 'ArrowLeft' ? -1 : 1);
      handlers.current.onDrop(selectedOp, plan.machine[selectedOp]!, plan.start[selectedOp]! + step);
    } else if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const modes = plan.pp.problem.operations[selectedOp]!.modes.map((x) => x.machine);
      const k = modes.indexOf(plan.machine[selectedOp]!);
      const machine = modes[(k + (e.key === 'ArrowUp' ? -1 : 1) + modes.length) % modes.length]!;
      if (machine !== plan.machine[selectedOp]) handlers.current.onDrop(selectedOp, machine, plan.start[selectedOp]!);
    } else return;
    e.preventDefault();
  };

  const toggle = (id: string) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });

  const total = rows.length * ROW;
  return (
    <div className="gantt">
      <div className="gantt-toolbar">
        {props.toolbar}
        <div className="gantt-zoom" role="group" aria-label="Zoom the time axis">
          <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label="Zoom out" title="Zoom out (Ctrl + wheel)">−</button>
          <button type="button" onClick={() => zoomBy(1.6)} aria-label="Zoom in" title="Zoom in (Ctrl + wheel)">+</button>
          <button type="button" onClick={fit} title="The whole plan" data-testid="gantt-fit">Fit</button>
        </div>
      </div>
      <div className="gantt-body" ref={body} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="gantt-body">
        <ul className="gantt-labels" style={{ height: total + AXIS }} aria-label={mode === 'resources' ? 'Equipment rows' : 'Order rows'}>
          {rows.map((row) => (
            <li key={`${row.kind}:${row.id}`} className={`gantt-label gantt-${row.kind}`} style={{ height: ROW, paddingLeft: 6 + row.depth * 12 }}>
              {row.kind === 'group' ? (
                <button type="button" className="gantt-group" aria-expanded={!row.collapsed} onClick={() => toggle(row.id)} data-testid="gantt-group" data-group-id={row.id}>
                  <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span> {row.label}
                </button>
              ) : row.kind === 'equipment' ? (
                <button type="button" className="gantt-equipment" aria-pressed={row.id === selectedEquipment} onClick={() => props.onSelectMachine(row.machine)} title={`${row.label} (${row.id})`} data-testid="gantt-row" data-equipment-id={row.id}>
                  {row.label}
                </button>
              ) : (
                <span className="gantt-order" data-testid="gantt-row" data-order-id={row.id}>
                  <span>{row.label}</span>
                  {props.risks?.get(row.id) && <OrderRiskCell risk={props.risks.get(row.id)!} />}
                </span>
              )}
            </li>
          ))}
        </ul>
        <div className="gantt-plot">
          <canvas
            ref={canvas}
            tabIndex={0}
            role="img"
            aria-label={`Gantt chart of ${plan.machine.length} operations ${mode === 'resources' ? 'by equipment' : 'by order'}. With an operation selected: Left and Right select the neighbours, Shift+Left/Right move it 15 minutes (Alt: an hour), Shift+Up/Down move it to another eligible machine.`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => setHover(undefined)}
            onKeyDown={onKeyDown}
            data-testid="gantt-canvas"
            data-rows={rows.length}
          />
          {hover && !drag.current && <OperationTooltip plan={plan} op={hover.op} x={hover.x} y={hover.y} width={size.width} />}
          {dragNote && (
            <div className={`gantt-drag-note ${dragNote.ok ? 'ok' : 'refused'}`} style={{ left: Math.min(dragNote.x + 14, size.width - 260), top: dragNote.y + 14 }} data-testid="gantt-drag-note">
              {dragNote.ok ? '✓ ' : '✗ '}{dragNote.text}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** The risk column of an order row: on-time probability, its interval and R on hover. */
function OrderRiskCell({ risk }: { risk: OrderRisk }) {
  const pct = (x: number) => `${Math.round(100 * x)}`;
  return (
    <span className={`gantt-risk ${risk.pOnTime < 0.9 ? 'at-risk' : ''}`} title={`On time in ${pct(risk.pOnTime)} % of ${risk.replications} runs, 95 % interval ${pct(risk.lower)}–${pct(risk.upper)} %`} data-testid="gantt-risk">
      {pct(risk.pOnTime)} % <span className="gantt-risk-ci">[{pct(risk.lower)}–{pct(risk.upper)}]</span>
    </span>
  );
}

/** The row a dragged bar is drawn in: its target machine's row by resource, its order's row by order. */
function rowOfMachine(rows: readonly GanttRow[], machine: number, mode: GanttMode, plan: Plan, op: number): number {
  if (mode === 'orders') {
    const job = plan.pp.problem.operations[op]!.job;
    return rows.findIndex((r) => r.job === job);
  }
  return rows.findIndex((r) => r.kind === 'equipment' && r.machine === machine);
}

/** Plan minutes of an instant given in another source's minutes (the playback clock's). */
export function planMinutes(plan: Plan, sourceStartIso: string, sourceMinutes: number): number {
  return minutesBetween(plan.pp.startIso, sourceStartIso) + sourceMinutes;
}

