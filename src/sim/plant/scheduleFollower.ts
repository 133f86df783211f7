import { minutesBetween } from '../../model/calendar.ts';
import type { Schedule } from '../../model/scheduleSchema.ts';
import type { CompiledPlant } from './compiledPlant.ts';
import type { Lot } from './lots.ts';

/** One scheduled operation, as the follower works it. Times are minutes from the scenario start. */
export interface ScheduleEntry {
  /** Index in schedule.operations. */
  index: number;
  order: number;
  op: number;
  equipment: number;
  batch: string | undefined;
  /** Units it covers; undefined = the whole lot that comes. */
  quantity: number | undefined;
  plannedStart: number;
  plannedEnd: number;
  plannedSetup: number;
  /** Not before: the planned start of its changeover, or of its run when it has none. */
  due: number;
  /** Started, skipped (its order finished without it) or voided (its lot came with no units for it). */
  done: boolean;
  /** The lot cut for it when its order's lot reached the equipment. */
  lot: Lot | undefined;
  actualSetupStart: number;
  actualSetup: number;
  actualStart: number;
  actualEnd: number;
}

/** Counts of every way a run departed from the schedule it followed (see SIMULATION.md, "Following a schedule"). */
export interface FollowDeviations {
  /** Listed jobs started while an earlier entry of the same equipment was still waiting for its lot. */
  outOfSequence: number;
  /** Listed jobs started before their planned time because lots were waiting for room in the equipment's input buffer. */
  early: number;
  /** Listed jobs started later than planned; with their total and largest delay in minutes. */
  late: number;
  lateMinutes: number;
  maxLateMinutes: number;
  /** Changeovers whose minutes differ from the planned ones. */
  setupChanged: number;
  /** Batches started without every lot the schedule put in them. */
  partialBatches: number;
  /** Jobs of lots no entry names (rework, units beyond the listed quantities, operations the schedule left out). */
  unlisted: number;
  /** Entries dropped: their order finished without them (scrap), or their lot came with no units left for them. */
  skipped: number;
  /** Entries planned to start within the run that never started. */
  notStarted: number;
  /** Entries the schedule names but the plant cannot follow (unknown order or operation, equipment not eligible). */
  ignored: number;
}

export interface FollowMismatch {
  order: string;
  operation: string;
  equipment: string;
  planned: { start: number; end: number; setup: number };
  actual: { start: number | null; end: number | null; setup: number | null };
}

/** How a run followed its schedule. */
export interface FollowReport {
  schedule: string;
  /** Entries the plant can follow (`ignored` ones left out). */
  entries: number;
  started: number;
  /** Started entries whose start, end and changeover minutes all equal the plan (within 1e-6 min). */
  matched: number;
  deviations: FollowDeviations;
  /** The first few entries that did not match (in planned order), to show where and how. */
  mismatches: FollowMismatch[];
}

/** What the follower needs to know about the equipment choosing its next job. */
export interface FollowContext {
  equipment: number;
  now: number;
  /** Lots are waiting for room in this equipment's input buffer. */
  roomWanted: boolean;
  /** Batch equipment's maxWait (Infinity without one), or undefined for single-lot equipment. */
  maxWait: number | undefined;
  capacity: number;
  isComplete(order: number): boolean;
}

export interface FollowChoice {
  /** Queue indices of the listed job to start, in listed order; empty when none may start now. */
  lots: number[];
  /** When a listed job comes due (or a partial batch's wait runs out); Infinity for never. */
  wakeAt: number;
}

const TOLERANCE = 1e-6;
const MISMATCHES_SHOWN = 10;

/**
 * Dispatching by a schedule (or a dispatch list turned into one). Each equipment works the
 * entries listed for it in the order of their planned start, each not before its planned time
 * (the start of its changeover, or of its run). With the plan's own model (no random
 * disturbances) and a schedule that model can run, that reproduces the plan start for start.
 *
 * When the plant departs from the plan the follower repairs, never deadlocks, and counts every
 * departure (`FollowDeviations`):
 * - A lot's equipment is the one the schedule assigns its operation; operations the schedule
 *   does not mention choose equipment as under the other rules.
 * - On arrival at its equipment a lot is cut into the pieces its entries list (`quantity`),
 *   at most a batch each on batch equipment; units beyond them form an unlisted lot.
 * - Free equipment starts the first entry in list order that is due and whose lot(s) are
 *   there. So a late lot is passed by listed lots that are due too (out of sequence), but
 *   never by lots planned later than now; unlisted lots run first come, first served when no
 *   listed job may start.
 * - When lots wait for room in the equipment's input buffer, the hold is lifted: the first
 *   listed job whose lots are there starts at once (early) — otherwise a full buffer of lots
 *   planned for later could keep out the lot planned next, and the plant would deadlock.
 * - A listed batch starts when all its lots are there; with some missing, once its oldest lot
 *   has waited maxWait, or lots wait for room, or a later entry is due.
 * - Entries of orders that completed without them are skipped.
 */
export class ScheduleFollower {
  readonly entries: ScheduleEntry[] = [];
  private readonly lists: ScheduleEntry[][];
  private readonly heads: Int32Array;
  private readonly assigned = new Map<number, number>();
  /** Open (unclaimed, not done) entries per "order/op/equipment", in list order. */
  private readonly open = new Map<string, ScheduleEntry[]>();
  private readonly deviations: FollowDeviations = {
    outOfSequence: 0, early: 0, late: 0, lateMinutes: 0, maxLateMinutes: 0, setupChanged: 0,
    partialBatches: 0, unlisted: 0, skipped: 0, notStarted: 0, ignored: 0,
  };

  constructor(private readonly plant: CompiledPlant, private readonly schedule: Schedule) {
    this.lists = plant.equipment.map(() => []);
    const start = plant.scenario.start;
    schedule.operations.forEach((op, index) => {
      const order = plant.orderIndex.get(op.order);
      const equipment = plant.equipmentIndex.get(op.equipment);
      const product = order === undefined ? undefined : plant.products[plant.orders[order]!.product];
      const routing = product && plant.routings[product.routing];
      const opIndex = routing?.operationIndex.get(op.operation);
      if (order === undefined || equipment === undefined || opIndex === undefined
        || !routing!.operations[opIndex]!.eligible.some((e) => e.equipment === equipment)) {
        this.deviations.ignored++;
        return;
      }
      // Running when the schedule was made: the snapshot start puts it on its equipment already.
      if (op.frozen) return;
      const plannedStart = minutesBetween(start, op.start);
      const plannedSetup = op.setup?.minutes ?? 0;
      this.entries.push({
        index, order, op: opIndex, equipment, batch: op.batch, quantity: op.quantity,
        plannedStart, plannedEnd: minutesBetween(start, op.end), plannedSetup,
        due: op.setup && plannedSetup > 0 ? minutesBetween(start, op.setup.start) : plannedStart,
        done: false, lot: undefined, actualSetupStart: NaN, actualSetup: NaN, actualStart: NaN, actualEnd: NaN,
      });
    });
    const sorted = [...this.entries].sort((a, b) => a.due - b.due || a.plannedStart - b.plannedStart || a.index - b.index);
    for (const e of sorted) {
      this.lists[e.equipment]!.push(e);
      const key = e.order * 65536 + e.op;
      if (!this.assigned.has(key)) this.assigned.set(key, e.equipment);
      const openKey = `${e.order}/${e.op}/${e.equipment}`;
      let list = this.open.get(openKey);
      if (!list) this.open.set(openKey, (list = []));
      list.push(e);
    }
    this.heads = new Int32Array(this.lists.length);
  }

  /** The equipment the schedule puts this order's operation on, if any. */
  equipmentFor(order: number, op: number): number | undefined {
    return this.assigned.get(order * 65536 + op);
  }

  /**
   * A lot reached `equipment`: the pieces to cut it into, in order, each with the entry it is
   * for (undefined: unlisted). The first piece is the lot itself. Entries its units do not
   * reach are voided (skipped).
   */
  claim(lot: Lot, equipment: number, capacity: number): { quantity: number; entry: ScheduleEntry | undefined }[] {
    const open = this.open.get(`${lot.order.spec.index}/${lot.op}/${equipment}`);
    const pieces: { quantity: number; entry: ScheduleEntry | undefined }[] = [];
    let left = lot.quantity;
    while (open && open.length > 0 && left > 0) {
      const entry = open.shift()!;
      if (entry.done) continue;
      const quantity = Math.min(entry.quantity ?? left, left, capacity);
      pieces.push({ quantity, entry });
      left -= quantity;
    }
    // A lot that comes with every unit accounted for voids the entries it cannot fill; a lot
    // that is one of several pieces (a split upstream, rework) leaves them for the next piece.
    if (open && left === 0 && lot.quantity === lot.order.spec.quantity) {
      for (const entry of open.splice(0)) this.skip(entry);
    }
    while (left > 0) {
      const quantity = Math.min(left, capacity);
      pieces.push({ quantity, entry: undefined });
      left -= quantity;
    }
    return pieces;
  }

  /** The listed job `ctx.equipment` may start now among the lots of `queue`, if any. */
  choose(queue: readonly Lot[], ctx: FollowContext): FollowChoice {
    const list = this.lists[ctx.equipment]!;
    let head = this.heads[ctx.equipment]!;
    for (; head < list.length; head++) {
      const e = list[head]!;
      if (e.done) continue;
      if (!ctx.isComplete(e.order)) break;
      this.skip(e);
    }
    this.heads[ctx.equipment] = head;
    const batching = ctx.maxWait !== undefined;
    let wakeAt = Infinity;
    const seen = new Set<string>();
    for (let k = head; k < list.length; k++) {
      const entry = list[k]!;
      if (entry.done) continue;
      if (ctx.isComplete(entry.order)) {
        this.skip(entry);
        continue;
      }
      if (entry.due > ctx.now + TOLERANCE && !ctx.roomWanted) {
        wakeAt = Math.min(wakeAt, entry.due);
        break;
      }
      const batch = batching ? entry.batch : undefined;
      if (batch !== undefined) {
        if (seen.has(batch)) continue;
        seen.add(batch);
      }
      const group = batch === undefined ? [entry] : this.batchOf(list, k, batch);
      const found = group.map((e) => (e.lot ? queue.indexOf(e.lot) : -1));
      const here = group.filter((_, i) => found[i]! >= 0);
      if (here.length === group.length) return { lots: this.start(here, queue, ctx, list, head), wakeAt };
      if (here.length === 0 || batch === undefined) continue;
      const oldest = Math.min(...here.map((e) => e.lot!.queuedAt));
      if (oldest + ctx.maxWait! <= ctx.now + TOLERANCE || ctx.roomWanted || this.laterDue(list, k, batch, ctx)) {
        this.deviations.partialBatches++;
        return { lots: this.start(here, queue, ctx, list, head), wakeAt };
      }
      wakeAt = Math.min(wakeAt, oldest + ctx.maxWait!);
    }
    return { lots: [], wakeAt };
  }

  /** Whether some entry after position k, outside `batch`, is due now. */
  private laterDue(list: readonly ScheduleEntry[], k: number, batch: string, ctx: FollowContext): boolean {
    for (let j = k + 1; j < list.length; j++) {
      const e = list[j]!;
      if (e.done || e.batch === batch) continue;
      return e.due <= ctx.now + TOLERANCE;
    }
    return false;
  }

  private batchOf(list: readonly ScheduleEntry[], from: number, batch: string): ScheduleEntry[] {
    const group: ScheduleEntry[] = [];
    for (let j = from; j < list.length; j++) {
      const e = list[j]!;
      if (!e.done && e.batch === batch) group.push(e);
    }
    return group;
  }

  /**
   * Marks the entries whose lots start (as many as fit in a batch, in listed order) and counts
   * out-of-sequence and early starts. Returns their queue indices in listed order.
   */
  private start(group: ScheduleEntry[], queue: readonly Lot[], ctx: FollowContext, list: readonly ScheduleEntry[], head: number): number[] {
    const first = group[0]!;
    for (let j = head; j < list.length && list[j] !== first; j++) {
      const e = list[j]!;
      if (!e.done && (first.batch === undefined || e.batch !== first.batch)) {
        this.deviations.outOfSequence++;
        break;
      }
    }
    if (first.due > ctx.now + TOLERANCE) this.deviations.early++;
    const lots: number[] = [];
    let load = 0;
    for (const e of group) {
      const lot = e.lot!;
      if (lots.length > 0 && load + lot.quantity > ctx.capacity) continue;
      load += lot.quantity;
      lots.push(queue.indexOf(lot));
      e.done = true;
    }
    return lots;
  }

  private skip(entry: ScheduleEntry): void {
    if (entry.done) return;
    entry.done = true;
    this.deviations.skipped++;
  }

  /** An unlisted lot's job started. */
  unlistedStarted(): void {
    this.deviations.unlisted++;
  }

  /** The run of a job with listed lots started after a changeover of `setup` minutes begun at `setupStart`. */
  runStarted(lots: readonly Lot[], setupStart: number, setup: number, now: number): void {
    let counted = false;
    for (const lot of lots) {
      const e = lot.entry;
      if (!e) continue;
      e.actualSetupStart = setupStart;
      e.actualSetup = setup;
      e.actualStart = now;
      if (counted) continue;
      counted = true;
      const late = now - e.plannedStart;
      if (late > TOLERANCE) {
        this.deviations.late++;
        this.deviations.lateMinutes += late;
        this.deviations.maxLateMinutes = Math.max(this.deviations.maxLateMinutes, late);
      }
      if (Math.abs(setup - e.plannedSetup) > TOLERANCE) this.deviations.setupChanged++;
    }
  }

  runEnded(lots: readonly Lot[], now: number): void {
    for (const lot of lots) {
      if (lot.entry) lot.entry.actualEnd = now;
      lot.entry = undefined;
    }
  }

  /** The report at the end of a run (`end`: where it stopped). */
  report(end: number): FollowReport {
    let started = 0;
    let matched = 0;
    const mismatches: FollowMismatch[] = [];
    const planned = [...this.entries].sort((a, b) => a.plannedStart - b.plannedStart || a.index - b.index);
    let notStarted = 0;
    for (const e of planned) {
      const ran = !Number.isNaN(e.actualStart);
      if (ran) started++;
      else if (!e.done && e.plannedStart < end) notStarted++;
      const same = ran && close(e.actualStart, e.plannedStart) && close(e.actualEnd, e.plannedEnd) && close(e.actualSetup, e.plannedSetup);
      if (same) matched++;
      else if ((ran || e.plannedStart < end) && mismatches.length < MISMATCHES_SHOWN) mismatches.push(this.mismatch(e));
    }
    return {
      schedule: this.schedule.id, entries: this.entries.length, started, matched,
      deviations: { ...this.deviations, notStarted }, mismatches,
    };
  }

  private mismatch(e: ScheduleEntry): FollowMismatch {
    const op = this.schedule.operations[e.index]!;
    const value = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      order: op.order, operation: op.operation, equipment: op.equipment,
      planned: { start: e.plannedStart, end: e.plannedEnd, setup: e.plannedSetup },
      actual: { start: value(e.actualStart), end: value(e.actualEnd), setup: value(e.actualSetup) },
    };
  }
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE;
}
