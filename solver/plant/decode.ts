import { compile, type CompiledProblem } from '../compile.ts';
import type { PlantProblem } from '../scenarioProblem.ts';
import type { Timetable } from '../timetable.ts';
import { WorkingTime } from './workingTime.ts';

/** A plant timetable: the job-shop timetable plus the changeover before each operation. */
export interface PlantTimetable extends Timetable {
  /** Working minutes of changeover right before each operation on its machine (0 for a frozen one). */
  setup: number[];
  /** Where that changeover starts (equals start when there is none). */
  setupStart: number[];
}

/**
 * Turns an operation list (a topological order of the precedence arcs) and a machine per
 * operation into calendar times: each operation goes after the previous one on its machine, at
 * the earliest instant its job and its machine allow, its changeover first; both count only
 * working minutes. Fixed operations are reservations: an operation goes before one only if it
 * and the changeover into the reservation fit in the working time before it.
 * Changeovers wait for the lot (as in the simulator), they are not done ahead.
 */
export class Decoder {
  readonly c: CompiledProblem;
  readonly clocks: WorkingTime[];
  readonly n: number;
  readonly m: number;
  private readonly F: number;
  private readonly fixedOps: number[][];
  private readonly fixedKind: Int8Array;
  private readonly fixedStart: Float64Array;
  private readonly fixedEnd: Float64Array;
  private readonly initial: Float64Array;
  private readonly free: Float64Array;
  private readonly last: Int32Array;
  private readonly ptr: Int32Array;
  readonly machine: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly setup: Float64Array;
  readonly setupStart: Float64Array;
  // Result of the last trial.
  tStart = 0;
  tEnd = 0;
  tSetup = 0;
  tSetupStart = 0;

  constructor(readonly pp: PlantProblem) {
    const c = compile(pp.problem);
    this.c = c;
    this.n = c.n;
    this.m = c.m;
    this.F = c.familyCount;
    this.clocks = pp.calendars.map((iv) => new WorkingTime(iv));
    this.fixedOps = Array.from({ length: c.m }, () => []);
    this.fixedKind = new Int8Array(c.n);
    this.fixedStart = new Float64Array(c.n);
    this.fixedEnd = new Float64Array(c.n);
    pp.fixed.forEach((f, i) => {
      if (f === null) return;
      this.fixedKind[i] = f.kind === 'frozen' ? 1 : 2;
      this.fixedStart[i] = f.start;
      this.fixedEnd[i] = f.end;
      this.fixedOps[f.machine]?.push(i);
    });
    for (const list of this.fixedOps) list.sort((a, b) => (this.fixedStart[a] as number) - (this.fixedStart[b] as number) || a - b);
    this.initial = new Float64Array(c.m * this.F);
    pp.initialSetup.forEach((row, k) => row.forEach((v, f) => { this.initial[k * this.F + f] = v; }));
    this.free = new Float64Array(c.m);
    this.last = new Int32Array(c.m);
    this.ptr = new Int32Array(c.m);
    this.machine = new Int32Array(c.n);
    this.start = new Float64Array(c.n);
    this.end = new Float64Array(c.n);
    this.setup = new Float64Array(c.n);
    this.setupStart = new Float64Array(c.n);
  }

  isFixed(v: number): boolean {
    return this.fixedKind[v] !== 0;
  }

  /** Operations that are not fixed, in index order. */
  movable(): number[] {
    const out: number[] = [];
    for (let v = 0; v < this.n; v++) if (this.fixedKind[v] === 0) out.push(v);
    return out;
  }

  /** Changeover on machine k from op a (or from the machine's start state when a < 0) to op b. */
  changeover(k: number, a: number, b: number): number {
    const fb = this.c.family[b] as number;
    if (a < 0) return this.initial[k * this.F + fb] as number;
    const s = this.c.setup;
    return s === null ? 0 : (s[(k * this.F + (this.c.family[a] as number)) * this.F + fb] as number);
  }

  reset(): void {
    this.free.fill(this.pp.planStart);
    this.last.fill(-1);
    this.ptr.fill(0);
    for (let v = 0; v < this.n; v++) {
      if (this.fixedKind[v] === 0) continue;
      this.start[v] = this.fixedStart[v] as number;
      this.end[v] = this.fixedEnd[v] as number;
      this.machine[v] = this.c.modeMachine[this.c.modeStart[v] as number] as number;
    }
  }

  /** Earliest start allowed by release and predecessors (which must be placed already). */
  ready(v: number): number {
    let r = this.c.release[v] as number;
    for (let e = this.c.predStart[v] as number; e < (this.c.predStart[v + 1] as number); e++) {
      const q = this.c.predList[e] as number;
      if ((this.end[q] as number) > r) r = this.end[q] as number;
    }
    return r;
  }

  /** Where op v would go on machine k with duration d (sets tStart, tEnd, tSetup, tSetupStart). Returns the reservations passed. */
  trial(v: number, k: number, d: number, ready: number): number {
    const clock = this.clocks[k] as WorkingTime;
    const resv = this.fixedOps[k] as number[];
    let free = this.free[k] as number;
    let last = this.last[k] as number;
    let p = this.ptr[k] as number;
    for (;;) {
      const s0 = Math.max(ready, free);
      const su = this.changeover(k, last, v);
      const w0 = clock.work(s0);
      const ws = w0 + su;
      this.tSetup = su;
      this.tSetupStart = su > 0 ? clock.startAt(w0) : s0;
      this.tStart = d > 0 ? clock.startAt(ws) : su > 0 ? clock.endAt(ws) : s0;
      this.tEnd = d > 0 ? clock.endAt(ws + d) : this.tStart;
      if (p < resv.length) {
        const f = resv[p] as number;
        const fs = this.fixedStart[f] as number;
        const need = this.fixedKind[f] === 1 ? 0 : this.changeover(k, v, f);
        if (this.tEnd > fs || this.tStart >= fs || clock.work(this.tEnd) + need > clock.work(fs) + 1e-9) {
          free = Math.max(free, this.fixedEnd[f] as number);
          last = f;
          p++;
          continue;
        }
      }
      return p - (this.ptr[k] as number);
    }
  }

  /** Places op v on machine k (after `trial` has been called for exactly this v and k, or calls it). */
  commit(v: number, k: number, d: number, ready: number): void {
    const passed = this.trial(v, k, d, ready);
    for (let i = 0; i < passed; i++) this.passReservation(k);
    this.machine[v] = k;
    this.start[v] = this.tStart;
    this.end[v] = this.tEnd;
    this.setup[v] = this.tSetup;
    this.setupStart[v] = this.tSetupStart;
    this.free[k] = this.tEnd;
    this.last[k] = v;
  }

  private passReservation(k: number): void {
    const f = (this.fixedOps[k] as number[])[this.ptr[k] as number] as number;
    const su = this.fixedKind[f] === 1 ? 0 : this.changeover(k, this.last[k] as number, f);
    const clock = this.clocks[k] as WorkingTime;
    this.setup[f] = su;
    this.setupStart[f] = su > 0 ? clock.startAt(Math.max(0, clock.work(this.fixedStart[f] as number) - su)) : (this.fixedStart[f] as number);
    this.free[k] = Math.max(this.free[k] as number, this.fixedEnd[f] as number);
    this.last[k] = f;
    this.ptr[k] = (this.ptr[k] as number) + 1;
  }

  /** Passes the reservations no operation was placed before. */
  finish(): void {
    for (let k = 0; k < this.m; k++) while ((this.ptr[k] as number) < (this.fixedOps[k] as number[]).length) this.passReservation(k);
  }

  /** Duration of v on k (-1 when not eligible). */
  duration(v: number, k: number): number {
    for (let e = this.c.modeStart[v] as number; e < (this.c.modeStart[v + 1] as number); e++) if (this.c.modeMachine[e] === k) return this.c.modeDuration[e] as number;
    return -1;
  }

  /** Decodes a list of the movable operations (topological) with a machine per operation. */
  decode(list: ArrayLike<number>, assign: ArrayLike<number>): void {
    this.reset();
    for (let i = 0; i < list.length; i++) {
      const v = list[i] as number;
      const k = assign[v] as number;
      this.commit(v, k, this.duration(v, k), this.ready(v));
    }
    this.finish();
  }

  timetable(): PlantTimetable {
    return {
      machine: Array.from(this.machine),
      start: Array.from(this.start),
      end: Array.from(this.end),
      setup: Array.from(this.setup),
      setupStart: Array.from(this.setupStart),
    };
  }
}
