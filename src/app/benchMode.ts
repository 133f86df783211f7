import { addAfterEffect, addEffect } from '@react-three/fiber';
import { generateBenchLayout } from './benchPlant.ts';
import { demoStates, playbackStore, twinStore } from '../state/twinStore.ts';

/** What the render benchmark reads from the page once measuring is done. */
export interface BenchFigures {
  equipment: number;
  parts: number;
  /** Frames measured so far; the benchmark script also counts script time between two readings. */
  frames: number;
  done: boolean;
  drawCalls: number;
  triangles: number;
  /** Median main-thread time of one pass of r3f's frame loop: every useFrame callback and the render. */
  frameScriptMs: number;
}

declare global {
  interface Window { __bench?: BenchFigures }
}

export interface BenchRequest { equipment: number; parts: number; frames: number; warmup: number }

/** `?bench=1&equipment=500&parts=20000` opens a generated plant with demo parts and measures frames. */
export function benchRequest(search: string): BenchRequest | undefined {
  const params = new URLSearchParams(search);
  if (params.get('bench') !== '1') return undefined;
  const number = (name: string, fallback: number) => {
    const value = Math.floor(Number(params.get(name) ?? fallback));
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return { equipment: number('equipment', 500), parts: number('parts', 1000), frames: number('frames', 120), warmup: number('warmup', 30) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Starts the benchmark: the generated plant, the demo source playing, and a stopwatch around
 * each pass of the frame loop (r3f's global before/after effects enclose all useFrame work and
 * the render call). `info` reads renderer.info after a frame.
 */
export async function startBench(request: BenchRequest, info: () => { calls: number; triangles: number }): Promise<void> {
  const layout = generateBenchLayout(request.equipment);
  await twinStore.getState().openFiles([{ name: `bench-${request.equipment}.json`, text: JSON.stringify(layout) }]);
  demoStates.show(request.parts);
  playbackStore.getState().setSpeed(100);
  playbackStore.getState().play();

  const figures: BenchFigures = { equipment: request.equipment, parts: request.parts, frames: 0, done: false, drawCalls: 0, triangles: 0, frameScriptMs: 0 };
  window.__bench = figures;
  const durations: number[] = [];
  let started = 0;
  let seen = 0;
  const stopBefore = addEffect(() => { started = performance.now(); });
  const stopAfter = addAfterEffect(() => {
    const took = performance.now() - started;
    if (++seen <= request.warmup) return;
    durations.push(took);
    figures.frames = durations.length;
    if (durations.length < request.frames) return;
    const { calls, triangles } = info();
    Object.assign(figures, { done: true, drawCalls: calls, triangles, frameScriptMs: median(durations) });
    stopBefore();
    stopAfter();
    playbackStore.getState().pause();
  });
}
