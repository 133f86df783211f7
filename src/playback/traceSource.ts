import type { Layout } from '../model/layoutSchema.ts';
import { PathGraph } from '../sim/plant/pathGraph.ts';
import type { PlantTraceData } from '../sim/plant/trace.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { hashSeed, seededRandom } from './seededRandom.ts';
import { nextChange, runStart, stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface TraceSourceOptions {
  label: string;
  /** Calendar time of minute 0 (the scenario start). */
  startIso: string;
  /** Minutes the run covered. */
  horizon: number;
}

const OUTSIDE = 0xffff;
/** A lot waiting at a machine sits in a small pile around it rather than in one box, metres. */
const PILE = 1.2;
/** Buckets the part index splits the run into: each frame looks at one bucket's segments. */
const BUCKETS = 1024;

/** Last index in [lo, hi) whose time is ≤ t, or lo − 1 when none is. */
function lastAtOrBefore(times: Float64Array, lo: number, hi: number, t: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (times[mid]! <= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** Groups entries by equipment, keeping their order: offsets[e] … offsets[e + 1] − 1 are the entries of e. */
function byEquipment(equipmentOf: Uint16Array, count: number, n: number): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) if (equipmentOf[i]! < n) offsets[equipmentOf[i]! + 1]!++;
  for (let e = 0; e < n; e++) offsets[e + 1]! += offsets[e]!;
  const fill = offsets.slice(0, n);
  const order = new Int32Array(offsets[n]!);
  for (let i = 0; i < count; i++) {
    const e = equipmentOf[i]!;
    if (e < n) order[fill[e]!++] = i;
  }
  return { offsets, order };
}

/**
 * Plays a simulation trace (src/sim/plant/trace.ts) in the twin. Everything is laid out once in
 * typed arrays so that `sample` only searches and interpolates:
 * - states per equipment, read by binary search;
 * - input-buffer fill per equipment as a step function: units arrive when a move ends there and
 *   leave when the lot is loaded (pieces that appear without a move are not counted);
 * - each lot as segments: a trip between two machines' pick-up/drop-off nodes along the shortest
 *   transport path (one segment per leg, timed by its share of the length) and the stay at a
 *   machine's node until its next move. A bucket index over time lists the
 *   segments alive in each slice of the run, so a frame looks at one bucket, not every lot.
 */
export function createTraceSource(trace: PlantTraceData, layout: Layout, options: TraceSourceOptions): TwinStateSource {
  const n = trace.equipment.length;
  const horizon = options.horizon;
  const placed = new Map(allEquipment(layout).map((e) => [e.id, e]));
  // Lots wait at a machine's pick-up/drop-off node, in front of it, not hidden inside its body.
  const dock = new Map(layout.paths.nodes.filter((p) => p.equipment !== undefined).map((p) => [p.equipment!, p.position]));
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const capacity = new Float64Array(n);
  trace.equipment.forEach((id, e) => {
    const found = placed.get(id);
    const at = dock.get(id) ?? found?.position;
    x[e] = at?.x ?? 0;
    y[e] = at?.y ?? 0;
    capacity[e] = found?.inputBuffer ?? 0;
  });

  // States, grouped by equipment (the trace holds them in time order).
  const states = byEquipment(trace.stateEquipment, trace.stateTime.length, n);
  const stateTime = Float64Array.from(states.order, (i) => trace.stateTime[i]!);
  const stateCodes = Uint8Array.from(states.order, (i) => trace.stateCode[i]!);
  const stateAt = (e: number, t: number) => {
    const i = lastAtOrBefore(stateTime, states.offsets[e]!, states.offsets[e + 1]!, t);
    return i < states.offsets[e]! ? stateCode.unknown : stateCodes[i]!;
  };

  // Loads, grouped by equipment: what is being worked on, and units leaving the input buffer.
  const loads = byEquipment(trace.loadEquipment, trace.loadTime.length, n);
  const loadTime = Float64Array.from(loads.order, (i) => trace.loadTime[i]!);
  const loadLot = Uint32Array.from(loads.order, (i) => trace.loadLot[i]!);
  const loadOperation = Uint16Array.from(loads.order, (i) => trace.loadOperation[i]!);

  // Input-buffer level per equipment: arrivals (+) merged with loads (−), arrivals first at a tie.
  const arrivals = byEquipment(trace.moveTo, trace.moveEnd.length, n);
  const levelOffsets = new Int32Array(n + 1);
  const levelTimes: number[] = [];
  const levels: number[] = [];
  for (let e = 0; e < n; e++) {
    levelOffsets[e] = levelTimes.length;
    if (capacity[e]! > 0) {
      let a = arrivals.offsets[e]!;
      let l = loads.offsets[e]!;
      let level = 0;
      while (a < arrivals.offsets[e + 1]! || l < loads.offsets[e + 1]!) {
        const arrival = a < arrivals.offsets[e + 1]! ? trace.moveEnd[arrivals.order[a]!]! : Infinity;
        const load = l < loads.offsets[e + 1]! ? loadTime[l]! : Infinity;
        const time = Math.min(arrival, load);
        if (arrival <= load) level += trace.lotQuantity[trace.moveLot[arrivals.order[a++]!]!] ?? 0;
        else level = Math.max(0, level - (trace.lotQuantity[loadLot[l++]!] ?? 0));
        if (levelTimes.length > levelOffsets[e]! && levelTimes[levelTimes.length - 1] === time) levels[levels.length - 1] = level;
        else { levelTimes.push(time); levels.push(level); }
      }
    }
  }
  levelOffsets[n] = levelTimes.length;
  const levelTime = new Float64Array(levelTimes);
  const levelValue = new Float64Array(levels);

  // Lot segments: trips between machines and stays at one until the lot's next move.
  let lots = trace.lotOrder.length;
  for (const lot of trace.moveLot) lots = Math.max(lots, lot + 1);
  const lastMove = new Int32Array(lots).fill(-1);
  const segStart: number[] = [];
  const segEnd: number[] = [];
  const segFromX: number[] = [];
  const segFromY: number[] = [];
  const segToX: number[] = [];
  const segToY: number[] = [];
  const segLot: number[] = [];
  const push = (t0: number, t1: number, ax: number, ay: number, bx: number, by: number, lot: number) => {
    segStart.push(t0); segEnd.push(t1); segFromX.push(ax); segFromY.push(ay); segToX.push(bx); segToY.push(by); segLot.push(lot);
  };
  const stay = (move: number, until: number) => {
    const at = trace.moveTo[move]!;
    if (at === OUTSIDE || until <= trace.moveEnd[move]!) return;
    push(trace.moveEnd[move]!, until, x[at]!, y[at]!, x[at]!, y[at]!, trace.moveLot[move]!);
  };
  // A trip follows the layout's transport paths: one segment per leg, timed by its share of the length.
  const graph = new PathGraph(layout.paths);
  const nodeOf = trace.equipment.map((id, e) => graph.nodeOfEquipment(id, { x: x[e]!, y: y[e]! }));
  const routes = new Map<number, { x: number; y: number }[]>();
  const routeOf = (from: number, to: number) => {
    const key = from * n + to;
    let points = routes.get(key);
    if (!points) {
      const nodes = graph.route(nodeOf[from]!, nodeOf[to]!).map((i) => graph.nodePosition(i));
      points = [{ x: x[from]!, y: y[from]! }, ...nodes.slice(1, -1), { x: x[to]!, y: y[to]! }];
      routes.set(key, points);
    }
    return points;
  };
  const trip = (move: number, from: number, to: number, lot: number) => {
    const points = routeOf(from, to);
    const legs = points.slice(1).map((p, k) => Math.sqrt((p.x - points[k]!.x) ** 2 + (p.y - points[k]!.y) ** 2));
    const total = legs.reduce((a, b) => a + b, 0);
    const t0 = trace.moveStart[move]!;
    const duration = trace.moveEnd[move]! - t0;
    let done = 0;
    legs.forEach((leg, k) => {
      const a = points[k]!;
      const b = points[k + 1]!;
      const s = total > 0 ? t0 + (duration * done) / total : t0;
      done += leg;
      const e = total > 0 ? t0 + (duration * done) / total : t0 + duration;
      if (e > s || total === 0) push(s, e, a.x, a.y, b.x, b.y, lot);
    });
  };
  for (let i = 0; i < trace.moveStart.length; i++) {
    const lot = trace.moveLot[i]!;
    const previous = lastMove[lot]!;
    if (previous >= 0) stay(previous, trace.moveStart[i]!);
    lastMove[lot] = i;
    const from = trace.moveFrom[i]!;
    const to = trace.moveTo[i]!;
    if (from !== OUTSIDE && to !== OUTSIDE && trace.moveEnd[i]! > trace.moveStart[i]!) trip(i, from, to, lot);
  }
  for (const move of lastMove) if (move >= 0) stay(move, horizon);

  const segments = segStart.length;
  const width = Math.max(horizon / BUCKETS, 1e-9);
  const bucketOf = (t: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor(t / width)));
  const bucketOffsets = new Int32Array(BUCKETS + 1);
  for (let s = 0; s < segments; s++) for (let b = bucketOf(segStart[s]!); b <= bucketOf(segEnd[s]!); b++) bucketOffsets[b + 1]!++;
  let maxParts = 0;
  for (let b = 0; b < BUCKETS; b++) {
    maxParts = Math.max(maxParts, bucketOffsets[b + 1]!);
    bucketOffsets[b + 1]! += bucketOffsets[b]!;
  }
  const bucketFill = bucketOffsets.slice(0, BUCKETS);
  const bucketSegments = new Int32Array(bucketOffsets[BUCKETS]!);
  for (let s = 0; s < segments; s++) for (let b = bucketOf(segStart[s]!); b <= bucketOf(segEnd[s]!); b++) bucketSegments[bucketFill[b]!++] = s;

  const start = new Float64Array(segStart);
  const end = new Float64Array(segEnd);
  const fromX = Float32Array.from(segFromX);
  const fromY = Float32Array.from(segFromY);
  const toX = Float32Array.from(segToX);
  const toY = Float32Array.from(segToY);
  // Seeded by lot, so a lot keeps its place in the pile from one frame to the next.
  const jitterX = new Float32Array(segments);
  const jitterY = new Float32Array(segments);
  for (let s = 0; s < segments; s++) {
    const random = seededRandom(hashSeed(`lot:${segLot[s]!}`));
    jitterX[s] = (random() - 0.5) * PILE;
    jitterY[s] = (random() - 0.5) * PILE;
  }

  function sample(minutes: number, frame: TwinFrame): void {
    const t = Math.min(Math.max(minutes, 0), horizon);
    const count = Math.min(n, frame.states.length);
    for (let e = 0; e < count; e++) {
      frame.states[e] = stateAt(e, t);
      const cap = capacity[e]!;
      if (cap > 0) {
        const i = lastAtOrBefore(levelTime, levelOffsets[e]!, levelOffsets[e + 1]!, t);
        frame.fills[e] = i < levelOffsets[e]! ? 0 : Math.min(1, levelValue[i]! / cap);
      } else {
        frame.fills[e] = 0;
      }
    }
    const room = frame.parts.length / 2;
    const b = bucketOf(t);
    let parts = 0;
    for (let k = bucketOffsets[b]!; k < bucketOffsets[b + 1]! && parts < room; k++) {
      const s = bucketSegments[k]!;
      if (start[s]! > t || end[s]! < t || (end[s] === t && t < horizon)) continue;
      const f = (t - start[s]!) / (end[s]! - start[s]!);
      frame.parts[2 * parts] = fromX[s]! + f * (toX[s]! - fromX[s]!) + jitterX[s]!;
      frame.parts[2 * parts + 1] = fromY[s]! + f * (toY[s]! - fromY[s]!) + jitterY[s]!;
      parts++;
    }
    frame.partCount = parts;
  }

  function timeInState(e: number, minutes: number, out: Float64Array): void {
    out.fill(0);
    if (e < 0 || e >= n) return;
    const t = Math.min(Math.max(minutes, 0), horizon);
    const first = states.offsets[e]!;
    const last = states.offsets[e + 1]!;
    if (last > first && stateTime[first]! > 0) out[stateCode.unknown] = Math.min(t, stateTime[first]!);
    for (let i = first; i < last && stateTime[i]! < t; i++) {
      const until = i + 1 < last ? Math.min(stateTime[i + 1]!, t) : t;
      out[stateCodes[i]!] = (out[stateCodes[i]!] ?? 0) + until - stateTime[i]!;
    }
  }

  function activity(e: number, minutes: number): EquipmentActivity {
    if (e < 0 || e >= n) return {};
    const code = stateAt(e, minutes);
    if (code !== stateCode.processing && code !== stateCode.setup && code !== stateCode.blocked) return {};
    const i = lastAtOrBefore(loadTime, loads.offsets[e]!, loads.offsets[e + 1]!, minutes);
    if (i < loads.offsets[e]!) return {};
    const order = trace.orders[trace.lotOrder[loadLot[i]!] ?? -1];
    const operation = trace.operations[loadOperation[i]!];
    return { ...(order ? { order } : {}), ...(operation ? { operation } : {}) };
  }

  const changes = Float64Array.from(stateTime).sort();

  return {
    label: options.label,
    kind: 'simulation',
    queues: true,
    equipmentIds: trace.equipment,
    startIso: options.startIso,
    horizon,
    maxParts,
    sample,
    timeInState,
    activity,
    stateSince: (e, minutes) => (e < 0 || e >= n ? undefined : runStart(stateTime, stateCodes, states.offsets[e]!, lastAtOrBefore(stateTime, states.offsets[e]!, states.offsets[e + 1]!, minutes))),
    nextEvent: (minutes) => nextChange(changes, minutes),
  };
}
