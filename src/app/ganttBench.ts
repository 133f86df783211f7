import { DEFAULT_OBJECTIVE, objectiveName } from '../../solver/objective.ts';
import { planKpis } from '../scheduling/plan.ts';
import { navigation } from '../state/navigation.ts';
import { schedulingStore } from '../state/schedulingStore.ts';
import { twinStore } from '../state/twinStore.ts';
import { generateBenchSchedule } from './benchSchedule.ts';

/** What `npm run bench:gantt` reads from the page. */
export interface GanttBenchFigures {
  operations: number;
  done: boolean;
  frames: number;
  /** Median per frame of a pan or zoom: d3-zoom's handler plus the chart's drawing, main-thread ms. */
  frameScriptMs: number;
  drawMs: number;
  /** Median of the live check of a drag (the engine's re-timing of the whole plan, then the plant checker), ms. */
  dragCheckMs: number;
  /** The same for the drags the engine could time (they also run the checker), and for those it refused (e.g. input buffers deadlock). */
  dragAcceptedMs: number;
  dragRefusedMs: number;
  dragsAccepted: number;
  drags: number;
  error?: string;
}

declare global {
  interface Window { __ganttBench?: GanttBenchFigures }
}

export interface GanttBenchRequest { operations: number; frames: number; warmup: number; checks: number }

/** `?bench=gantt&operations=20000` */
export function ganttBenchRequest(search: string): GanttBenchRequest | undefined {
  const params = new URLSearchParams(search);
  if (params.get('bench') !== 'gantt') return undefined;
  const number = (name: string, fallback: number) => {
    const value = Math.floor(Number(params.get(name) ?? fallback));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { operations: number('operations', 1000), frames: number('frames', 120), warmup: number('warmup', 20), checks: number('checks', 40) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * The Gantt benchmark in the page: a generated plan shown in the Schedule workspace as a solve
 * would leave it, then pans and zooms through d3-zoom once per animation frame (the handler a
 * gesture runs, and the drawing it causes), then drag checks: the session's tryMove, the same
 * call a drag makes on every pointer move.
 */
export async function startGanttBench(request: GanttBenchRequest): Promise<void> {
  const figures: GanttBenchFigures = { operations: request.operations, done: false, frames: 0, frameScriptMs: NaN, drawMs: NaN, dragCheckMs: NaN, dragAcceptedMs: NaN, dragRefusedMs: NaN, dragsAccepted: 0, drags: 0 };
  window.__ganttBench = figures;
  try {
    const { layout, scenario, plan } = generateBenchSchedule(request.operations);
    twinStore.setState({ plant: { layout, layoutFile: 'bench.json', scenario, scenarioFile: 'bench-scenario.json' } });
    const kpis = planKpis(plan);
    schedulingStore.setState({
      status: 'done', plan, past: [], future: [], progress: [],
      facts: { objective: DEFAULT_OBJECTIVE, objectiveName: objectiveName(DEFAULT_OBJECTIVE), lowerBound: [0], gap: 0, kpis, edd: kpis, iterations: 0, workerOperations: plan.machine.length, scenario, startedFrom: 'scenario', notes: [] },
    });
    navigation.getState().go('schedule');
    while ((window.__gantt?.draws().count ?? 0) === 0) await nextFrame();
    const probe = window.__gantt!;
    const per: number[] = [];
    const draws: number[] = [];
    for (let i = 0; i < request.warmup + request.frames; i++) {
      // Zoom in and out between 1× and 40× around a moving point, as a scheduler browsing a week does.
      const k = 1 + 39 * (0.5 - 0.5 * Math.cos((i / 60) * Math.PI));
      const x = -((i * 37) % 800) * (k - 1);
      const before = probe.draws().count;
      const t0 = performance.now();
      probe.zoomTo(k, x);
      const handler = performance.now() - t0;
      await nextFrame();
      while (probe.draws().count === before) await nextFrame();
      if (i < request.warmup) continue;
      per.push(handler + probe.draws().lastMs);
      draws.push(probe.draws().lastMs);
      figures.frames = per.length;
    }
    const session = schedulingStore.getState();
    const checks: number[] = [];
    const accepted: number[] = [];
    const refused: number[] = [];
    for (let c = 0; c < request.checks; c++) {
      const op = Math.floor((c * 7919) % plan.machine.length);
      const t0 = performance.now();
      const answer = session.tryMove(op, plan.machine[op]!, plan.start[op]! + ((c % 9) - 4) * 60);
      const ms = performance.now() - t0;
      checks.push(ms);
      (answer.plan ? accepted : refused).push(ms);
    }
    Object.assign(figures, {
      frameScriptMs: median(per), drawMs: median(draws), dragCheckMs: median(checks),
      dragAcceptedMs: accepted.length > 0 ? median(accepted) : NaN, dragRefusedMs: refused.length > 0 ? median(refused) : NaN,
      dragsAccepted: accepted.length, drags: checks.length, done: true,
    });
  } catch (error) {
    Object.assign(figures, { error: error instanceof Error ? error.message : String(error), done: true });
  }
}
