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
  /** Started early to make room (the hold was lifted): its run does not wait for its planned start either. */
  early: boolean;
  /** The lot sent to its equipment for it (routing reserves entries before the lot travels). */
  reservedBy: Lot | undefined;
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
  /** Lots let into a full input buffer to break a ring of blocked machines. */
  overfilled: number;
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
  /** Started entries whose start, end and changeover minutes all equal the plan (within a second, the resolution of schedule files). */
  matched: number;
  deviations: FollowDeviations;
  /** The first few entries that did not match (in planned order), to show where and how. */
  mismatches: FollowMismatch[];
}

/** What the follower needs to know about the equipment choosing its next job. */
export interface FollowContext {
  equipment: number;
  now: number;
  /** The earliest planned time (due) of the lots waiting for room in this equipment's input buffer; Infinity for none. */
  keptOut: number;
  /**
   * The earliest planned place among the unlisted lots in the queue (`unlistedPlace`) when it
   * has come (≤ now); Infinity for none. Listed jobs planned after it wait for them.
   */
  unlistedBefore: number;
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

/** Instants closer than this are the same (floating-point noise). */
const TOLERANCE = 1e-9;
/**
 * Planned and actual times closer than a second agree: date-times in schedule files carry whole
 * seconds (src/model/calendar.ts isoAt), so a plan's minutes come back up to a second early.
 */
const SECOND = 1 / 60;
const MISMATCHES_SHOWN = 10;

/**
 * Dispatching by a schedule (or a dispatch list turned into one). Each equipment works the
 * entries listed for it in the order of their planned start, each not before its planned time
 * (its `begin` if listed, else the start of its changeover, or of its run). With the plan's own model (no random
 * disturbances) and a schedule that model can run, that reproduces the plan start for start.
 *
 * When the plant departs from the plan the follower repairs, never deadlocks, and counts every
 * departure (`FollowDeviations`):
 * - A lot's equipment is the one the schedule assigns its operation; operations the schedule
 *   does not mention choose equipment as under the other rules.
 * - On arrival at its equipment a lot is cut into the pieces its entries list (`quantity`),
 *   at most a batch each on batch equipment; units beyond them form an unlisted lot. When its
 *   entries are on several equipment it is cut before it moves, each piece going (asking for
 *   room, travelling) on its own to its entry's equipment, as the scheduler plans such a split.
 * - Free equipment starts the first entry in list order that is due and whose lot(s) are
 *   there. So a late lot is passed by listed lots that are due too (out of sequence), but
 *   never by lots planned later than now. An unlisted lot (rework, units beyond the listed
 *   quantities) takes the place of its order's first entry for its operation: once that place
 *   has come, it runs before listed jobs planned after it; unlisted lots without a place run
 *   when no listed job may start (first come, first served among them).
 * - Room in an input buffer goes to the waiting lots in request order, as under every rule
 *   (buffer.ts InputBuffer). When a lot planned before a held job is kept out by the full
 *   buffer, the hold is lifted: the first listed job whose lots are there starts at once
 *   (early) — otherwise lots held for later could lock out the lot planned next, and the plant
 *   would deadlock.
 * - A listed batch starts when all its lots are there; with some missing, once maxWait has
 *   passed since its planned begin (or since its oldest lot came, if later), or a lot planned
 *   no later is kept out by the full buffer, or a later entry is due.
 * - Entries of orders that completed without them are skipped.
 */
export class ScheduleFollower {
  readonly entries: ScheduleEntry[] = [];
  private readonly lists: ScheduleEntry[][];
  private readonly heads: Int32Array;
  /** Entries per order and operation (order × 65536 + op), in planned order, on whatever equipment. */
  private readonly byOrderOp = new Map<number, ScheduleEntry[]>();
  private readonly deviations: FollowDeviations = {
    outOfSequence: 0, early: 0, late: 0, lateMinutes: 0, maxLateMinutes: 0, setupChanged: 0,
    partialBatches: 0, unlisted: 0, skipped: 0, notStarted: 0, ignored: 0, overfilled: 0,
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
        due: op.begin !== undefined ? minutesBetween(start, op.begin)
          : op.setup && plannedSetup > 0 ? minutesBetween(start, op.setup.start) : plannedStart,
        done: false, early: false, reservedBy: undefined, lot: undefined, actualSetupStart: NaN, actualSetup: NaN, actualStart: NaN, actualEnd: NaN,
      });
    });
    // A batch has one changeover, written on one of its entries (any): it is every member's.
    const batches = new Map<string, ScheduleEntry[]>();
    for (const e of this.entries) {
      if (e.batch === undefined) continue;
      const key = `${e.equipment}/${e.batch}`;
      const members = batches.get(key);
      if (members) members.push(e); else batches.set(key, [e]);
    }
    for (const members of batches.values()) {
      const setup = members.reduce((m, e) => Math.max(m, e.plannedSetup), 0);
      const due = members.reduce((m, e) => Math.min(m, e.due), Infinity);
      for (const e of members) {
        e.plannedSetup = setup;
        e.due = due;
      }
    }
    const sorted = [...this.entries].sort((a, b) => a.due - b.due || a.plannedStart - b.plannedStart || a.index - b.index);
    for (const e of sorted) {
      this.lists[e.equipment]!.push(e);
      const key = e.order * 65536 + e.op;
      let list = this.byOrderOp.get(key);
      if (!list) this.byOrderOp.set(key, (list = []));
      list.push(e);
    }
    this.heads = new Int32Array(this.lists.length);
  }

  /**
   * The equipment the schedule puts a lot's operation on: that of the first entry for its order
   * and operation no other lot has taken (one whose quantity is the lot's, if any: the pieces of
   * a split go where their own entries are). The entries the lot will fill there are reserved
   * for it. Undefined when no entry is left: the lot is unlisted and equipment is chosen by rule.
   */
  equipmentFor(lot: Lot): number | undefined {
    const entries = this.byOrderOp.get(lot.order.spec.index * 65536 + lot.op);
    if (!entries) return undefined;
    let first: ScheduleEntry | undefined;
    for (const e of entries) {
      if (!free(e, lot)) continue;
      if (e.reservedBy === lot) return e.equipment;
      first ??= e;
      if (e.quantity === lot.quantity) {
        first = e;
        break;
      }
    }
    if (!first) return undefined;
    let left = lot.quantity - (first.quantity ?? lot.quantity);
    first.reservedBy = lot;
    for (const e of entries) {
      if (left <= 0) break;
      if (e.equipment !== first.equipment || !free(e, lot) || e.reservedBy) continue;
      e.reservedBy = lot;
      left -= e.quantity ?? left;
    }
    return first.equipment;
  }

  /**
   * The pieces to cut a lot into before it moves, when no entry left for its operation can take
   * it whole and they are on more than one equipment (an order split over two ovens, say): one per entry, in the schedule's
   * order, each reserved for its piece and going to that entry's equipment; units beyond them
   * form an unlisted piece (undefined entry). Undefined when the lot moves whole.
   */
  cutBeforeMove(lot: Lot): { quantity: number; entry: ScheduleEntry | undefined }[] | undefined {
    const entries = this.byOrderOp.get(lot.order.spec.index * 65536 + lot.op);
    const open = entries?.filter((e) => free(e, lot)).sort((a, b) => a.index - b.index);
    if (!open || open.length < 2 || open.every((e) => e.equipment === open[0]!.equipment)) return undefined;
    // A lot one entry can take moves whole (a piece already cut, say at a batch machine before).
    if (open.some((e) => (e.quantity ?? Infinity) >= lot.quantity)) return undefined;
    const pieces: { quantity: number; entry: ScheduleEntry | undefined }[] = [];
    let left = lot.quantity;
    for (const entry of open) {
      if (left <= 0) break;
      const quantity = Math.min(entry.quantity ?? left, left);
      pieces.push({ quantity, entry });
      left -= quantity;
    }
    // As on arrival (claim): a lot holding every unit its order still has voids the entries it cannot fill.
    if (left === 0 && lot.quantity === lot.order.outstanding && lot.order.unreleased === 0) {
      for (const entry of open) if (!pieces.some((p) => p.entry === entry)) this.skip(entry);
    }
    if (left > 0) pieces.push({ quantity: left, entry: undefined });
    return pieces;
  }

  /**
   * A lot reached `equipment`: the pieces to cut it into, in order, each with the entry it is
   * for (undefined: unlisted). The first piece is the lot itself. Entries its units do not
   * reach are voided (skipped).
   */
  claim(lot: Lot, equipment: number, capacity: number): { quantity: number; entry: ScheduleEntry | undefined }[] {
    const entries = this.byOrderOp.get(lot.order.spec.index * 65536 + lot.op) ?? [];
    const pieces: { quantity: number; entry: ScheduleEntry | undefined }[] = [];
    let left = lot.quantity;
    // The entries reserved for this lot (equipmentFor) first: one planned earlier may be another piece's.
    for (const reserved of [true, false]) {
      for (const entry of entries) {
        if (left <= 0) break;
        if (entry.equipment !== equipment || !free(entry, lot) || (entry.reservedBy === lot) !== reserved) continue;
        const quantity = Math.min(entry.quantity ?? left, left, capacity);
        pieces.push({ quantity, entry });
        left -= quantity;
      }
    }
    // A lot holding every unit of its order still in the plant voids the entries of its
    // operation it could not fill: no other units will come for them.
    if (left === 0 && lot.quantity === lot.order.outstanding && lot.order.unreleased === 0) {
      for (const entry of entries) if (free(entry, lot) && !pieces.some((p) => p.entry === entry)) this.skip(entry);
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
      // An unlisted lot (rework, say) takes its order's place in the list: jobs planned after it wait.
      if (entry.due > ctx.unlistedBefore) break;
      // A job planned for later waits for its time, unless a lot planned before it is kept out
      // by a full input buffer: then it starts now, or the lots held here could lock that one out.
      if (entry.due > ctx.now + TOLERANCE && !(ctx.keptOut < entry.due)) {
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
      // The missing lots are expected by the plan: wait for them up to maxWait from the batch's
      // planned begin (lots that came early by plan have not been waiting for partners).
      const waitFrom = Math.max(entry.due, Math.min(...here.map((e) => e.lot!.queuedAt)));
      if (waitFrom + ctx.maxWait! <= ctx.now + TOLERANCE || ctx.keptOut <= entry.due || this.laterDue(list, k, batch, ctx)) {
        this.deviations.partialBatches++;
        return { lots: this.start(here, queue, ctx, list, head), wakeAt };
      }
      wakeAt = Math.min(wakeAt, waitFrom + ctx.maxWait!);
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
    const early = first.due > ctx.now + TOLERANCE;
    if (early) this.deviations.early++;
    const lots: number[] = [];
    let load = 0;
    for (const e of group) {
      const lot = e.lot!;
      if (lots.length > 0 && load + lot.quantity > ctx.capacity) continue;
      load += lot.quantity;
      lots.push(queue.indexOf(lot));
      e.done = true;
      e.early = early;
    }
    return lots;
  }

  private skip(entry: ScheduleEntry): void {
    if (entry.done) return;
    entry.done = true;
    this.deviations.skipped++;
  }

  /** When the lot's job at the equipment it is sent to is planned: the earliest due of the entries reserved for it; Infinity when unlisted. */
  plannedDue(lot: Lot): number {
    const entries = this.byOrderOp.get(lot.order.spec.index * 65536 + lot.op);
    let due = Infinity;
    if (entries) for (const e of entries) if (e.reservedBy === lot && !e.done) due = Math.min(due, e.due);
    return due;
  }

  /**
   * Where an unlisted lot (a rework lot, units beyond the listed quantities) belongs in the
   * list: the planned time of its order's first entry for its operation, on any equipment (so
   * rework keeps its order's urgency instead of waiting behind the whole list); Infinity when
   * the schedule has no entry for that operation of its order.
   */
  unlistedPlace(lot: Lot): number {
    return this.byOrderOp.get(lot.order.spec.index * 65536 + lot.op)?.[0]?.due ?? Infinity;
  }

  overfilled(): void {
    this.deviations.overfilled++;
  }

  /** The planned start of the run of a job (the latest of its listed lots' entries); -Infinity when none is listed. */
  runNotBefore(lots: readonly Lot[]): number {
    let at = -Infinity;
    for (const lot of lots) if (lot.entry && !lot.entry.early) at = Math.max(at, lot.entry.plannedStart);
    return at;
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
      if (late > SECOND) {
        this.deviations.late++;
        this.deviations.lateMinutes += late;
        this.deviations.maxLateMinutes = Math.max(this.deviations.maxLateMinutes, late);
      }
      if (Math.abs(setup - e.plannedSetup) > SECOND) this.deviations.setupChanged++;
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

/** An entry a lot may take: not done, not cut for another lot, not reserved by another. */
function free(e: ScheduleEntry, lot: Lot): boolean {
  return !e.done && e.lot === undefined && (e.reservedBy === undefined || e.reservedBy === lot);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) < SECOND;
}
