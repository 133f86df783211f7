import type { MachineState } from '../../model/machineState.ts';
import type { JobRecord } from './asRun.ts';
import type { Disturbances } from './plantRun.ts';
import type { FollowReport } from './scheduleFollower.ts';
import type { PlantTraceData } from './trace.ts';

/** Times are minutes from the scenario start; durations are minutes; energy is kWh. */
export interface PlantResult {
  scenario: string;
  seed: number;
  replication: number;
  dispatching: string;
  /** Statistics cover [start, end): after the warm-up (and a snapshot's time), up to the horizon. */
  window: { start: number; end: number };
  horizon: number;
  warmup: number;
  /** True when the run was stopped early; every figure then covers the measured window up to its `end`. */
  cancelled: boolean;
  throughput: Throughput;
  leadTime: LeadTimes;
  delivery: Delivery;
  wip: WipResult;
  flow: FlowBalance;
  orders: OrderResult[];
  equipment: EquipmentResult[];
  lines: LineResult[];
  bottleneck: BottleneckResult;
  energy: EnergyByState;
  transport: TransportResult;
  /** Which random disturbances were on (all, unless switched off). */
  disturbances: Disturbances;
  /** Uninterruptible runs that fitted in no working window ahead and ran over a shift end, break or maintenance. */
  overruns: number;
  /** The plant stopped making progress with work in it (SIMULATION.md, "Stalls"), or null. */
  stall: Stall | null;
  /** Work that waited to the end for an operator whose shift did not come before it (not a stall). */
  shiftWait: ShiftWait | null;
  /** How the schedule was followed (dispatching "schedule" only). */
  follow?: FollowReport;
  /** Every job as it ran (with `recordJobs`). */
  jobs?: JobRecord[];
  /** Simulation events fired (a measure of work, and part of what must repeat exactly). */
  events: number;
  trace?: PlantTraceData;
}

/**
 * No job began or ended anywhere from `since` to the end of the run, although `lots` lots were
 * in the plant and equipment holding some of them had working time in that stretch of at least
 * a day: the plant is deadlocked (finite buffers) or waits for something that does not come.
 */
export interface Stall {
  since: number;
  lots: number;
  /** Equipment holding work that could not go on, in layout order. */
  equipment: string[];
}

/**
 * As a stall, no job began or ended from `since` to the end, but the equipment holding the work
 * waits for an operator with `skills` and no pool with them is on shift in that stretch (a
 * setter's next shift after the horizon, say): the plant waits for its calendar.
 */
export interface ShiftWait {
  since: number;
  lots: number;
  equipment: string[];
  skills: string[];
}

export interface Throughput {
  /** Lots, good units and orders finished inside the measured window (warm-up end to horizon). */
  lots: number;
  units: number;
  orders: number;
  /** Units scrapped inside the measured window (warm-up end to horizon). */
  unitsScrapped: number;
  lotsPerDay: number;
  unitsPerDay: number;
  ordersPerDay: number;
}

/** Order lead times (completion − release) of orders completed inside the measured window (warm-up end to horizon). */
export interface LeadTimes {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  max: number;
  /** counts[i] orders took [i × binMinutes, (i+1) × binMinutes). */
  histogram: { binMinutes: number; counts: number[] };
}

/**
 * Deliveries. Decided orders are those completed inside the window plus those still open at its
 * end but already past due (certainly late); open orders not yet due are undecided and left out.
 */
export interface Delivery {
  completed: number;
  onTime: number;
  late: number;
  openPastDue: number;
  openNotDue: number;
  /** onTime / (completed + openPastDue); NaN when nothing was decided. */
  onTimeRate: number;
  /** Σ max(0, completion − due) over completed orders, plus (end − due) for open past-due orders (a lower bound). */
  totalTardiness: number;
  /** totalTardiness / decided orders. */
  meanTardiness: number;
  /** Σ priority × tardiness. */
  weightedTardiness: number;
  /** Completed orders with fewer good units than ordered (scrap), and the units missing. */
  shortOrders: number;
  shortUnits: number;
}

export interface WipResult {
  /** Time averages over the measured window (warm-up end to horizon). */
  lotsMean: number;
  unitsMean: number;
  lotsMax: number;
  unitsMax: number;
  /** Samples every `sampleEvery` minutes from the window start. */
  sampleEvery: number;
  times: number[];
  lots: number[];
  units: number[];
}

/**
 * Conservation and Little's law, over the whole run: units released = good out + scrap + units
 * in the plant at the end; lots entered = lots exited + lots in the plant. Inside the window,
 * lotMinutes (Σ over lots of their minutes in the plant within the window) equals
 * lotsMean × window length exactly — the sample-path form of L = λW.
 */
export interface FlowBalance {
  unitsReleased: number;
  unitsGood: number;
  unitsScrapped: number;
  unitsInPlant: number;
  lotsEntered: number;
  lotsExited: number;
  lotsInPlant: number;
  lotMinutes: number;
  /** Lots that left inside the window and their mean minutes in the plant (L ≈ λW for long windows). */
  lotsLeftInWindow: number;
  meanLotMinutes: number;
}

/** Every order of the scenario, whether or not it was released within the run. */
export interface OrderResult {
  id: string;
  release: number;
  due: number;
  quantity: number;
  /** Units released into the plant (the quantity, what a snapshot held, or 0 if not released yet). */
  released: number;
  good: number;
  scrap: number;
  /** When its last unit left the plant; null while open. */
  completedAt: number | null;
}

export interface Oee {
  availability: number;
  performance: number;
  quality: number;
  oee: number;
}

export interface EquipmentResult {
  id: string;
  name: string;
  line: string;
  /** Minutes in each state inside the window; they add up to the window length. */
  states: Record<MachineState, number>;
  /** Working time of its calendar minus planned maintenance in it (OEE's planned production time). */
  plannedMinutes: number;
  /** (processing + setup) / planned minutes. */
  utilisation: number;
  setups: number;
  unitsProcessed: number;
  unitsGood: number;
  /** Null for equipment no routing uses (stores, racks). */
  oee: Oee | null;
  energyKWh: EnergyByState;
  /** Shares of the window this equipment was the sole or a shifting bottleneck. */
  bottleneck: { sole: number; shifting: number };
}

export interface LineResult {
  id: string;
  name: string;
  oee: Oee | null;
}

export interface BottleneckResult {
  /** The equipment that was the bottleneck for the largest share of the window, or null. */
  equipment: string | null;
  /** Equipment by total bottleneck share (sole + shifting), largest first; only those with a share. */
  shares: { id: string; sole: number; shifting: number }[];
}

/** kWh per power state: idle covers idle, starved and blocked; down covers down and maintenance; off covers off-shift and off. */
export interface EnergyByState {
  processing: number;
  setup: number;
  idle: number;
  down: number;
  off: number;
  total: number;
}

/**
 * Vehicle travel inside the window: loaded trips and the metres driven loaded (pick-up to
 * drop-off) and empty (to the pick-up), each leg counted when it starts. Moves that need no
 * vehicle (same equipment, conveyors, in and out of the plant) are not travel.
 */
export interface TransportResult {
  trips: number;
  loadedMetres: number;
  emptyMetres: number;
  /** (loaded + empty metres) per day of the measured window (warm-up end to horizon). */
  metresPerDay: number;
}
