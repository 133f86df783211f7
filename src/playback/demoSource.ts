import type { EquipmentType, Layout } from '../model/layoutSchema.ts';
import type { MachineState } from '../model/machineState.ts';
import { buildDemoRoutes } from './demoRoutes.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { hashSeed, seededRandom } from './seededRandom.ts';
import { nextChange, runStart, stateCode, type EquipmentActivity, type TwinFrame, type TwinStateSource } from './stateSource.ts';

export interface DemoOptions {
  seed: number;
  /** Parts moving at every instant. */
  parts: number;
  startIso: string;
  /** Minutes; a week by default. */
  horizon?: number;
}

/** State weights and mean durations (minutes) of the synthetic machines: busy, with some of everything. */
const MACHINE_MIX: [MachineState, number, number][] = [
  ['processing', 0.52, 45], ['setup', 0.08, 20], ['idle', 0.1, 15], ['starved', 0.1, 12],
  ['blocked', 0.08, 10], ['down', 0.07, 35], ['maintenance', 0.05, 60],
];
const HANDLING_MIX: [MachineState, number, number][] = [['processing', 0.7, 30], ['idle', 0.2, 20], ['blocked', 0.1, 10]];
const HANDLING: ReadonlySet<EquipmentType> = new Set(['conveyor', 'rack', 'buffer', 'agv-station']);

function pick(mix: [MachineState, number, number][], u: number): [MachineState, number, number] {
  let acc = 0;
  for (const entry of mix) {
    acc += entry[1];
    if (u < acc) return entry;
  }
  return mix[0]!;
}

/** Last index in [lo, hi) whose time is ≤ t (lo when none is): a binary search without allocation. */
function lastAtOrBefore(times: Float64Array | Float32Array, lo: number, hi: number, t: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if (times[mid]! <= t) a = mid;
    else b = mid - 1;
  }
  return a;
}

/**
 * Synthetic but deterministic plant behaviour for tests, the benchmark and a first look: every
 * piece of equipment gets its own seeded state history (seeded by id, so editing the layout leaves
 * the others' histories alone), input buffers that breathe, and parts that walk the path graph and
 * wait at machines. It knows nothing about routings or capacities: it is a stand-in for a trace.
 */
export function createDemoSource(layout: Layout, options: DemoOptions): TwinStateSource {
  const horizon = options.horizon ?? 7 * 24 * 60;
  const equipment = allEquipment(layout);
  const times: number[] = [];
  const codes: number[] = [];
  const offsets = new Int32Array(equipment.length + 1);
  const period = new Float32Array(equipment.length);
  const phase = new Float32Array(equipment.length);
  equipment.forEach((e, i) => {
    const random = seededRandom(hashSeed(`${options.seed}:${e.id}`));
    const mix = HANDLING.has(e.type) ? HANDLING_MIX : MACHINE_MIX;
    offsets[i] = times.length;
    for (let t = 0; t < horizon;) {
      const [state, , mean] = pick(mix, random());
      times.push(t);
      codes.push(stateCode[state]);
      t += mean * (0.3 + 1.4 * random());
    }
    period[i] = 120 + random() * 480;
    phase[i] = random() * 2 * Math.PI;
  });
  offsets[equipment.length] = times.length;
  const changeTime = new Float64Array(times);
  const changeCode = new Uint8Array(codes);
  const sortedChanges = Float64Array.from(changeTime).sort();

  const random = seededRandom(hashSeed(`${options.seed}:parts`));
  const routes = buildDemoRoutes(layout, Math.max(1, Math.min(64, options.parts)), random);
  const routeCount = routes.offsets.length - 1;
  const partRoute = new Uint16Array(options.parts);
  const partPhase = new Float32Array(options.parts);
  const partJitter = new Float32Array(2 * options.parts);
  for (let p = 0; p < options.parts; p++) {
    partRoute[p] = p % routeCount;
    const r = partRoute[p]!;
    partPhase[p] = random() * routes.times[routes.offsets[r + 1]! - 1]!;
    // Parts waiting at one machine spread into a small pile rather than one box.
    partJitter[2 * p] = (random() - 0.5) * 1.2;
    partJitter[2 * p + 1] = (random() - 0.5) * 1.2;
  }

  const stateIndex = (e: number, t: number) => lastAtOrBefore(changeTime, offsets[e]!, offsets[e + 1]!, t);

  function sample(minutes: number, frame: TwinFrame): void {
    const t = Math.min(Math.max(minutes, 0), horizon);
    const n = Math.min(equipment.length, frame.states.length);
    for (let e = 0; e < n; e++) {
      const code = changeCode[stateIndex(e, t)]!;
      frame.states[e] = code;
      const wave = 0.5 + 0.4 * Math.sin((2 * Math.PI * t) / period[e]! + phase[e]!);
      frame.fills[e] = code === stateCode.starved ? 0 : code === stateCode.blocked ? 1 : wave;
    }
    const parts = Math.min(options.parts, frame.parts.length / 2);
    const { points, times: routeTimes, offsets: routeOffsets } = routes;
    for (let p = 0; p < parts; p++) {
      const r = partRoute[p]!;
      const first = routeOffsets[r]!;
      const last = routeOffsets[r + 1]! - 1;
      const duration = routeTimes[last]!;
      const s = duration > 0 ? (t + partPhase[p]!) % duration : 0;
      const i = lastAtOrBefore(routeTimes, first, last + 1, s);
      const j = i < last ? i + 1 : i;
      const span = routeTimes[j]! - routeTimes[i]!;
      const f = span > 0 ? (s - routeTimes[i]!) / span : 0;
      frame.parts[2 * p] = points[2 * i]! + f * (points[2 * j]! - points[2 * i]!) + partJitter[2 * p]!;
      frame.parts[2 * p + 1] = points[2 * i + 1]! + f * (points[2 * j + 1]! - points[2 * i + 1]!) + partJitter[2 * p + 1]!;
    }
    frame.partCount = parts;
  }

  function timeInState(e: number, minutes: number, out: Float64Array): void {
    out.fill(0);
    if (e < 0 || e >= equipment.length) return;
    const t = Math.min(Math.max(minutes, 0), horizon);
    const end = offsets[e + 1]!;
    for (let i = offsets[e]!; i < end && changeTime[i]! < t; i++) {
      const until = i + 1 < end ? Math.min(changeTime[i + 1]!, t) : t;
      out[changeCode[i]!] = (out[changeCode[i]!] ?? 0) + until - changeTime[i]!;
    }
  }

  function activity(e: number, minutes: number): EquipmentActivity {
    if (e < 0 || e >= equipment.length) return {};
    const i = stateIndex(e, minutes);
    const code = changeCode[i]!;
    if (code !== stateCode.processing && code !== stateCode.setup && code !== stateCode.blocked) return {};
    // A new demo order every few state changes, numbered from the change index.
    const job = Math.floor((i - offsets[e]!) / 3);
    return { order: `DEMO-${String(1000 + ((job * 7919 + e * 31) % 9000))}`, operation: `op ${10 * (1 + (job % 4))}` };
  }

  return {
    label: `Synthetic demo (seed ${options.seed}, ${options.parts} parts)`,
    kind: 'demo',
    queues: true,
    equipmentIds: equipment.map((e) => e.id),
    startIso: options.startIso,
    horizon,
    maxParts: options.parts,
    sample,
    timeInState,
    activity,
    stateSince: (e, minutes) => (e < 0 || e >= equipment.length ? undefined : runStart(changeTime, changeCode, offsets[e]!, stateIndex(e, minutes))),
    nextEvent: (minutes) => nextChange(sortedChanges, minutes),
  };
}
