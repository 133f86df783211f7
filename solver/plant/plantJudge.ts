import type { SequenceGraph } from '../graph.ts';
import { RELOCATE, type MoveList } from '../neighbourhood.ts';
import { objectiveKpis, objectiveValue, type Criterion, type Objective } from '../objective.ts';
import type { SchedulingProblem } from '../problem.ts';
import type { Random } from '../random.ts';
import type { Judge } from '../tabu.ts';
import type { TabuMemory } from '../tabuMemory.ts';
import type { PlantFlow } from './flow.ts';
import { batchGroup } from './plantProblem.ts';

/** Tag (in a move's `b`) of batch moves, to tell them from changeover moves. */
const BATCH_MOVE = -2;

/**
 * A plant's judge for the tabu search: times a solution by following it with the plant's rules
 * (flow.ts) and values it as [violations, ...objective levels] — a plan that makes a lot wait past
 * its batch's maxWait or moves a lock is worse than any that does not.
 *
 * Where to look: the critical path (causes of each begin, walked back) to the target of the first
 * level above its bound — an operation with a violation, a late order's last operation (a random
 * one of them each time), or the operation ending last. Beside the path's moves it proposes
 * changeover moves (an operation next to one of its setup family, on its machine or another) and,
 * on batch equipment, joining a compatible batch with room or leaving one.
 */
export class PlantJudge implements Judge {
  readonly levels: number;
  readonly exact: number;
  private readonly p: SchedulingProblem;
  private readonly criteria: Criterion[];
  private readonly late: number[] = [];
  private readonly batchMachines: number[];
  private setupWeight: number;
  /** The path last returned (its operations get changeover moves when a changeover lengthens them). */
  private pathOut: Int32Array | null = null;
  private pathLength = 0;

  constructor(
    private readonly g: SequenceGraph,
    private readonly flow: PlantFlow,
    private readonly objective: Objective,
    private readonly bound: ArrayLike<number>,
    exact: number,
  ) {
    this.p = flow.pp.problem;
    this.levels = 1 + (objective.kind === 'lex' ? objective.criteria.length : 1);
    this.exact = exact;
    this.criteria = objective.kind === 'lex' ? objective.criteria : objective.terms.filter((t) => t.weight > 0).map((t) => t.criterion);
    this.batchMachines = flow.pp.plant.machines.flatMap((m, k) => (m.batch !== null ? [k] : []));
    this.setupWeight = this.criteria.includes('totalSetup') ? 1 : 0;
  }

  evaluate(value: Float64Array): boolean {
    const f = this.flow;
    const g = this.g;
    // Re-time only from where the solution differs from the current one (flow.ts keeps checkpoints).
    let ok: boolean;
    if (!f.hasCommitted) ok = f.follow(g);
    else {
      const from = f.earliestChange(g);
      if (from === Infinity) { f.restoreCommitted(); ok = true; } else ok = f.followFrom(g, from);
    }
    if (!ok) return false;
    value[0] = f.violations;
    const v = objectiveValue(this.objective, objectiveKpis(this.p, f.end, f.setup));
    for (let i = 0; i < v.length; i++) value[i + 1] = v[i] as number;
    return true;
  }

  atBound(value: Float64Array): boolean {
    if ((value[0] as number) > 0) return false;
    for (let i = 1; i < this.levels; i++) {
      const b = this.bound[i - 1] ?? 0;
      if ((value[i] as number) > b + 1e-6 * Math.max(1, b)) return false;
    }
    return true;
  }

  commit(): void {
    this.flow.commit();
  }

  starts(): ArrayLike<number> {
    return this.flow.begin;
  }

  /** The level the search works on: the first above its bound. */
  private activeCriterion(value: Float64Array): Criterion | 'violations' | null {
    if ((value[0] as number) > 0) return 'violations';
    if (this.objective.kind === 'weighted') return this.criteria.find((c) => c !== 'totalSetup') ?? null;
    for (let i = 0; i < this.criteria.length; i++) {
      const b = this.bound[i] ?? 0;
      if ((value[i + 1] as number) > b + 1e-6 * Math.max(1, b)) return this.criteria[i] as Criterion;
    }
    return null;
  }

  path(out: Int32Array, rng: Random): number {
    const f = this.flow;
    const value = new Float64Array(this.levels);
    value[0] = f.violations;
    const v = objectiveValue(this.objective, objectiveKpis(this.p, f.end, f.setup));
    for (let i = 0; i < v.length; i++) value[i + 1] = v[i] as number;
    const active = this.activeCriterion(value);
    this.setupWeight = active === 'totalSetup' ? 3 : this.criteria.includes('totalSetup') ? 1 : 0;
    let target = -1;
    if (active === 'violations') {
      const flagged: number[] = [];
      for (let i = 0; i < f.n; i++) if (f.violation[i] !== 0) flagged.push(i);
      target = flagged[rng.int(flagged.length)] ?? -1;
    } else if (active === 'lateOrders' || active === 'weightedTardiness' || (active === 'totalSetup' && rng.int(2) === 0)) {
      this.late.length = 0;
      for (const job of this.p.jobs) {
        let last = -1;
        for (const w of job.operations) if (last < 0 || (f.end[w] as number) > (f.end[last] as number)) last = w;
        if (last >= 0 && job.due !== null && (f.end[last] as number) > job.due + 1e-9) this.late.push(last);
      }
      target = this.late[rng.int(this.late.length)] ?? -1;
    }
    if (target < 0) {
      let latest = -Infinity;
      for (let i = 0; i < f.n; i++) if ((f.end[i] as number) > latest) { latest = f.end[i] as number; target = i; }
    }
    let len = 0;
    for (let w = target; w >= 0 && len < f.n; w = f.cause[w] as number) out[len++] = w;
    for (let i = 0, j = len - 1; i < j; i++, j--) {
      const t = out[i] as number;
      out[i] = out[j] as number;
      out[j] = t;
    }
    this.pathOut = out;
    this.pathLength = len;
    return len;
  }

  extraMoves(moves: MoveList, memory: TabuMemory, iter: number, rng: Random): void {
    const g = this.g;
    const n = g.n;
    if (n < 2) return;
    for (let r = 0; r < 4; r++) this.changeoverMove(rng.int(n), moves, memory, iter, rng);
    // A changeover waits for its lot, so it lies on the path even where the machine did not hold the
    // operation: next to one of its family, or swapped with the operation before it, it may vanish.
    const path = this.pathOut;
    if (path !== null) {
      for (let i = 0; i < this.pathLength; i++) {
        const v = path[i] as number;
        if (!((this.flow.setup[v] as number) > 0) || g.movable[v] === 0 || !g.isSingle(v)) continue;
        this.changeoverMove(v, moves, memory, iter, rng);
        const p = g.mPrev[v] as number;
        if (p >= 0 && g.movable[p] === 1 && g.isSingle(p)) moves.push(RELOCATE, p, -1, g.mach[v] as number, v, Infinity, memory.isPairTabu(v, p, iter));
      }
    }
    if (this.batchMachines.length > 0) for (let r = 0; r < 4; r++) this.batchMove(moves, memory, iter, rng);
  }

  /**
   * The move to try: a class by the level being worked on — moves on the critical path (half the
   * time the best estimate, else any), changeover moves, batch moves — then one of that class.
   */
  pickMove(moves: MoveList, rng: Random): number {
    let path = 0;
    let changeover = 0;
    let batch = 0;
    for (let i = 0; i < moves.count; i++) {
      if (moves.est[i] !== Infinity) path++;
      else if (moves.b[i] === BATCH_MOVE) batch++;
      else changeover++;
    }
    const w = this.setupWeight >= 3 ? [0.25, 0.65, 0.1] : this.setupWeight === 0 ? [0.8, 0.1, 0.1] : [0.55, 0.35, 0.1];
    const classes = [path, changeover, batch];
    let total = 0;
    for (let c = 0; c < 3; c++) if ((classes[c] as number) > 0) total += w[c] as number;
    if (total === 0) return -1;
    let r = rng.float() * total;
    let chosen = 0;
    for (let c = 0; c < 3; c++) {
      if ((classes[c] as number) === 0) continue;
      chosen = c;
      r -= w[c] as number;
      if (r < 0) break;
    }
    const inClass = (i: number): boolean => (chosen === 0 ? moves.est[i] !== Infinity : chosen === 2 ? moves.est[i] === Infinity && moves.b[i] === BATCH_MOVE : moves.est[i] === Infinity && moves.b[i] !== BATCH_MOVE);
    if (chosen === 0 && rng.int(2) === 0) {
      let best = -1;
      for (let i = 0; i < moves.count; i++) if (inClass(i) && moves.tabu[i] === 0 && (best < 0 || (moves.est[i] as number) < (moves.est[best] as number))) best = i;
      if (best >= 0) return best;
    }
    let k = rng.int(classes[chosen] as number);
    for (let i = 0; i < moves.count; i++) if (inClass(i) && k-- === 0) return i;
    return -1;
  }

  revert(): void {
    this.flow.restoreCommitted();
  }

  /** Operation v next to the closest (in time) operation of its setup family on one of its machines. */
  private changeoverMove(v: number, moves: MoveList, memory: TabuMemory, iter: number, rng: Random): void {
    const g = this.g;
    const c = g.c;
    const f = this.flow;
    if (g.movable[v] === 0 || !g.isSingle(v)) return;
    const count = (c.modeStart[v + 1] as number) - (c.modeStart[v] as number);
    const k = rng.int(3) === 0 && count > 1 ? (c.modeMachine[(c.modeStart[v] as number) + rng.int(count)] as number) : (g.mach[v] as number);
    const fam = c.family[v] as number;
    const at = f.begin[v] as number;
    let best = -1;
    let bestGap = Infinity;
    for (let u = g.mFirst[k] as number; u >= 0; u = g.mNext[u] as number) {
      if (u === v || c.family[u] !== fam || !g.isSingle(u)) continue;
      const gap = Math.abs((f.begin[u] as number) - at);
      if (gap < bestGap) { bestGap = gap; best = u; }
    }
    if (best < 0) return;
    const after = rng.int(2) === 0 ? best : (g.mPrev[best] as number);
    if (after === v || (after >= 0 && g.mNext[after] === v && k === g.mach[v])) return;
    if (!g.canInsert(k, after === -1 ? -1 : after)) return;
    moves.push(RELOCATE, v, -1, k, after, Infinity, memory.isMachineTabu(v, k, iter) || (after >= 0 && memory.isPairTabu(after, v, iter)));
  }

  /** Join a compatible batch with room (batchGroup), or leave one. */
  private batchMove(moves: MoveList, memory: TabuMemory, iter: number, rng: Random): void {
    const g = this.g;
    const f = this.flow;
    const plant = f.pp.plant;
    const k = this.batchMachines[rng.int(this.batchMachines.length)] as number;
    const batch = plant.machines[k]!.batch!;
    // Operations that may run on k.
    const candidates: number[] = [];
    for (let u = g.mFirst[k] as number; u >= 0; u = g.mNext[u] as number) candidates.push(u);
    if (candidates.length < 2) return;
    const v = candidates[rng.int(candidates.length)] as number;
    if (g.movable[v] === 0 || f.pp.fixed[v] !== null) return;
    if (!g.isSingle(v)) {
      // Leave: run alone right after its batch.
      let last = v;
      while ((g.mNext[last] as number) >= 0 && g.batchLink[g.mNext[last] as number] === 1) last = g.mNext[last] as number;
      const after = last === v ? (g.mPrev[v] as number) : last;
      moves.push(RELOCATE, v, BATCH_MOVE, k, after, Infinity, after >= 0 && memory.isPairTabu(after, v, iter), 0);
      return;
    }
    const group = (w: number): string => batchGroup(plant, k, w);
    const key = group(v);
    const at = f.begin[v] as number;
    let bestLast = -1;
    let bestGap = Infinity;
    for (let lead = g.mFirst[k] as number; lead >= 0;) {
      let last = lead;
      let load = plant.quantity[lead] as number;
      let same = group(lead) === key && lead !== v;
      while ((g.mNext[last] as number) >= 0 && g.batchLink[g.mNext[last] as number] === 1) {
        last = g.mNext[last] as number;
        load += plant.quantity[last] as number;
        if (last === v) same = false;
      }
      if (same && f.pp.fixed[lead] === null && load + (plant.quantity[v] as number) <= batch.capacity + 1e-9) {
        const gap = Math.abs((f.begin[lead] as number) - at);
        if (gap < bestGap) { bestGap = gap; bestLast = last; }
      }
      lead = g.mNext[last] as number;
    }
    if (bestLast < 0) return;
    moves.push(RELOCATE, v, BATCH_MOVE, k, bestLast, Infinity, memory.isPairTabu(bestLast, v, iter), 1);
  }
}
