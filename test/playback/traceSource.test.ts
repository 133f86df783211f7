import { describe, expect, it } from 'vitest';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import { PathGraph } from '../../src/sim/plant/pathGraph.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { createTwinFrame } from '../../src/playback/stateSource.ts';
import { createTraceSource } from '../../src/playback/traceSource.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const horizon = 2 * 1440;
const trace = simulatePlant(plant, { seed: 1, horizon, warmup: 0, trace: true }).trace!;
const source = createTraceSource(trace, plant.layout, { label: 'test', startIso: plant.scenario!.start, horizon });
const frame = createTwinFrame(source);
const OUT = 0xffff;
const times = [0, 1, 333.3, 600, 1000.5, 1440, 2000, horizon - 0.5];

/** The state of equipment e at t read straight off the trace: its last change at or before t. */
function tracedState(e: number, t: number): string {
  let code = -1;
  for (let i = 0; i < trace.stateTime.length && trace.stateTime[i]! <= t; i++) if (trace.stateEquipment[i] === e) code = trace.stateCode[i]!;
  return code < 0 ? 'unknown' : trace.states[code]!;
}

/** Lots inside the plant at t, off the trace: their last move started by t went into the plant (or is still under way). */
function lotsInside(t: number): number {
  const last = new Map<number, number>();
  for (let i = 0; i < trace.moveStart.length; i++) if (trace.moveStart[i]! <= t) last.set(trace.moveLot[i]!, i);
  let inside = 0;
  for (const i of last.values()) {
    const arrived = trace.moveEnd[i]! <= t;
    if (arrived ? trace.moveTo[i] !== OUT && trace.moveEnd[i]! < t : trace.moveFrom[i] !== OUT) inside++;
  }
  return inside;
}

describe('a simulation trace as the twin’s state source', () => {
  it('shows each machine in the state of its last change at or before the time', () => {
    for (const t of times) {
      source.sample(t, frame);
      const shown = [...frame.states].map((c) => MACHINE_STATES[c]);
      expect(shown).toEqual(trace.equipment.map((_, e) => tracedState(e, t)));
    }
  });

  it('places one part per lot inside the plant, on the line between two machines while it travels', () => {
    for (const t of times.slice(1)) {
      source.sample(t, frame);
      expect(frame.partCount).toBe(lotsInside(t));
    }
    expect(source.maxParts).toBeGreaterThanOrEqual(frame.partCount);
  });

  it('moves a travelling part along the transport paths, not across the floor', () => {
    const graph = new PathGraph(plant.layout.paths);
    const nodeOf = (e: number) => graph.nodeOfEquipment(trace.equipment[e]!, { x: 0, y: 0 });
    // A trip whose shortest way turns at a junction: half-way along its length the part is on that way.
    const i = Array.from(trace.moveStart.keys()).find((k) => trace.moveFrom[k] !== OUT && trace.moveTo[k] !== OUT
      && trace.moveEnd[k]! > trace.moveStart[k]! && graph.route(nodeOf(trace.moveFrom[k]!), nodeOf(trace.moveTo[k]!)).length >= 3)!;
    expect(i).toBeDefined();
    const way = graph.route(nodeOf(trace.moveFrom[i]!), nodeOf(trace.moveTo[i]!)).map((n) => graph.nodePosition(n));
    const ends = [way[0]!, way[way.length - 1]!];
    const distanceToWay = (px: number, py: number) => Math.min(...way.slice(1).map((b, k) => {
      const a = way[k]!;
      const dx = b.x - a.x; const dy = b.y - a.y;
      const f = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(px - (a.x + f * dx), py - (a.y + f * dy));
    }));
    // The straight line between the ends would leave the way: this check can tell the two apart.
    expect(distanceToWay((ends[0]!.x + ends[1]!.x) / 2, (ends[0]!.y + ends[1]!.y) / 2)).toBeGreaterThan(1);
    for (const share of [0.25, 0.5, 0.75]) {
      const t = trace.moveStart[i]! + share * (trace.moveEnd[i]! - trace.moveStart[i]!);
      source.sample(t, frame);
      // Parts are piled with a jitter of under a metre; one of them is this lot, on its way.
      const nearest = Math.min(...Array.from({ length: frame.partCount }, (_, p) => distanceToWay(frame.parts[2 * p]!, frame.parts[2 * p + 1]!)));
      expect(nearest).toBeLessThan(1);
    }
  });

  it('keeps buffer fills within 0..1 and time in states adding up to the time', () => {
    const out = new Float64Array(MACHINE_STATES.length);
    for (const t of times) {
      source.sample(t, frame);
      for (const f of frame.fills) expect(f >= 0 && f <= 1).toBe(true);
      source.timeInState(3, t, out);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(t, 6);
    }
    expect(Math.max(...Array.from({ length: 200 }, (_, i) => { source.sample(i * 14, frame); return Math.max(...frame.fills); }))).toBeGreaterThan(0);
  });

  it('names the order and operation a processing machine is working on', () => {
    const working = Array.from(trace.loadTime.keys()).filter((i) => {
      source.sample(trace.loadTime[i]! + 0.01, frame);
      return MACHINE_STATES[frame.states[trace.loadEquipment[i]!]!] === 'processing';
    });
    expect(working.length).toBeGreaterThan(10);
    for (const i of working.slice(0, 20)) {
      const order = trace.orders[trace.lotOrder[trace.loadLot[i]!]!];
      const operation = trace.operations[trace.loadOperation[i]!];
      expect(operation).toBeDefined();
      expect(source.activity!(trace.loadEquipment[i]!, trace.loadTime[i]! + 0.01)).toEqual({ order, operation });
    }
    expect(source.activity!(0, -5)).toEqual({});
  });
});
