import { exp, log } from '../sim/portableMath.ts';

/**
 * Ranking and selection: which of k simulated systems has the best mean, with a guaranteed
 * probability of correct selection.
 *
 * Procedure KN (Kim & Nelson, "A fully sequential procedure for indifference-zone selection in
 * simulation", ACM TOMACS 11(3), 2001), with common random numbers: every system gets n0
 * replications; the variance of each pairwise difference is estimated from them (the pairing is
 * what lets CRN narrow it); then one replication more per surviving system per stage, and a
 * system is eliminated once its mean falls below another survivor's by more than the shrinking
 * allowance W. If the best mean exceeds every other by at least δ (the indifference zone) and
 * replication outputs are normal, KN selects the best with probability ≥ 1 − α.
 *
 * Optional constraint (Andradóttir & Kim, "Fully sequential procedures for comparing constrained
 * systems via simulation", Naval Research Logistics 57(5), 2010): each system's constraint mean is
 * judged feasible or not by the same kind of triangular continuation region with tolerance ε, a
 * system may only be eliminated by one already declared feasible, and infeasible systems leave.
 * The error is split (Bonferroni): α/2 over the k feasibility decisions, α/2 for the selection.
 */

export interface SelectionSettings {
  goal: 'maximise' | 'minimise';
  /** δ > 0 in the objective's units. */
  indifferenceZone: number;
  /** 1 − α, e.g. 0.95. */
  confidence: number;
  /** n0 ≥ 2: replications of every system before comparisons start. */
  firstStage: number;
  /** Stop at this many replications of a system (then the guarantee no longer holds). */
  maxReplications?: number;
  constraint?: { atLeast?: number; atMost?: number; tolerance: number };
}

/** One replication of one system: the objective and, with a constraint, the constrained KPI. */
export interface Observation {
  objective: number;
  constraint?: number;
}

export type Feasibility = 'feasible' | 'infeasible' | 'undecided';

export interface SelectionResult {
  /** Index of the selected system, or null when no system was found feasible. */
  best: number | null;
  /** Replications each system received (eliminated systems stop early: that is the point). */
  replications: number[];
  /** Stage (replication count) at which each system was eliminated; null for the survivor(s). */
  eliminatedAt: (number | null)[];
  /** Why each system left: beaten by another system, or found infeasible. */
  reason: ('beaten' | 'infeasible' | null)[];
  feasibility: Feasibility[] | null;
  /** Sample means of the objective over each system's replications. */
  means: number[];
  /** True unless the procedure stopped at maxReplications before deciding. */
  guaranteed: boolean;
  eta: number;
  hSquared: number;
}

/** Draws replications [from, to) of the given systems; the selection waits for them. */
export type Sampler = (systems: readonly number[], from: number, to: number) => Promise<Observation[][]>;

/** η of KN for `comparisons` pairwise tests sharing error α, from n0 replications: ½[(2α/c)^(−2/(n0−1)) − 1]. */
export function knEta(alpha: number, comparisons: number, n0: number): number {
  return 0.5 * (exp((-2 / (n0 - 1)) * log((2 * alpha) / comparisons)) - 1);
}

/** The checks a caller should make before starting (settings a file may get wrong). */
export function settingsProblem(k: number, s: SelectionSettings): string | undefined {
  if (k < 1) return 'at least one system';
  if (!(s.indifferenceZone > 0)) return 'an indifference zone > 0';
  if (!(s.confidence > 0.5 && s.confidence < 1)) return 'a confidence between 0.5 and 1';
  if (!Number.isInteger(s.firstStage) || s.firstStage < 2) return 'a first stage of at least 2 replications';
  if (s.maxReplications !== undefined && s.maxReplications < s.firstStage) return 'maxReplications at least the first stage';
  if (s.constraint && (s.constraint.atLeast === undefined) === (s.constraint.atMost === undefined)) return 'a constraint with exactly one of atLeast and atMost';
  if (s.constraint && !(s.constraint.tolerance > 0)) return 'a constraint tolerance > 0';
  return undefined;
}

/** Runs the procedure, asking `sample` for replications as they are needed. */
export async function selectBest(k: number, settings: SelectionSettings, sample: Sampler): Promise<SelectionResult> {
  const problem = settingsProblem(k, settings);
  if (problem) throw new RangeError(`ranking and selection needs ${problem}`);
  const { indifferenceZone: delta, firstStage: n0, constraint } = settings;
  const alpha = 1 - settings.confidence;
  const alphaSelect = constraint ? alpha / 2 : alpha;
  const eta = k > 1 ? knEta(alphaSelect, k - 1, n0) : 0;
  const hSquared = 2 * eta * (n0 - 1);
  const etaFeasible = constraint ? knEta(alpha / 2, k, n0) : 0;
  const hSquaredFeasible = 2 * etaFeasible * (n0 - 1);
  const sign = settings.goal === 'maximise' ? 1 : -1;

  // Sums of the (signed) objective and of the constraint slack per system.
  const x: number[][] = Array.from({ length: k }, () => []);
  const slack: number[][] = Array.from({ length: k }, () => []);
  const sum = new Float64Array(k);
  const slackSum = new Float64Array(k);
  const alive = new Uint8Array(k).fill(1);
  const feasibility: Feasibility[] = Array.from({ length: k }, () => (constraint ? 'undecided' : 'feasible'));
  const eliminatedAt: (number | null)[] = new Array(k).fill(null);
  const reason: ('beaten' | 'infeasible' | null)[] = new Array(k).fill(null);

  const take = async (systems: number[], from: number, to: number) => {
    const got = await sample(systems, from, to);
    systems.forEach((i, j) => {
      const rows = got[j]!;
      if (rows.length !== to - from) throw new Error(`ranking and selection asked for ${to - from} replications of system ${i} and got ${rows.length}`);
      for (const o of rows) {
        const value = sign * o.objective;
        if (!Number.isFinite(value)) throw new RangeError(`system ${i}: the objective is not a number in one of its replications (${o.objective}); choose a KPI every replication defines`);
        x[i]!.push(value);
        sum[i]! += value;
        if (constraint) {
          const c = o.constraint ?? NaN;
          if (!Number.isFinite(c)) throw new RangeError(`system ${i}: the constrained KPI is not a number in one of its replications (${c})`);
          const s = constraint.atLeast !== undefined ? c - constraint.atLeast : constraint.atMost! - c;
          slack[i]!.push(s);
          slackSum[i]! += s;
        }
      }
    });
  };

  const all = Array.from({ length: k }, (_, i) => i);
  await take(all, 0, n0);

  // First-stage variances of pairwise differences (CRN pairs replication r with replication r) and of each slack.
  const pairVariance = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let l = i + 1; l < k; l++) {
      const mean = (sum[i]! - sum[l]!) / n0;
      let ss = 0;
      for (let r = 0; r < n0; r++) ss += (x[i]![r]! - x[l]![r]! - mean) ** 2;
      pairVariance[i * k + l] = pairVariance[l * k + i] = ss / (n0 - 1);
    }
  }
  const slackVariance = new Float64Array(k);
  if (constraint) {
    for (let i = 0; i < k; i++) {
      const mean = slackSum[i]! / n0;
      let ss = 0;
      for (let r = 0; r < n0; r++) ss += (slack[i]![r]! - mean) ** 2;
      slackVariance[i] = ss / (n0 - 1);
    }
  }

  let r = n0;
  let guaranteed = true;
  for (;;) {
    // Feasibility: Σ slack against ±R(r), R = max(0, h²S²/(2ε) − εr/2).
    if (constraint) {
      const eps = constraint.tolerance;
      for (let i = 0; i < k; i++) {
        if (!alive[i] || feasibility[i] !== 'undecided') continue;
        const bound = Math.max(0, (hSquaredFeasible * slackVariance[i]!) / (2 * eps) - (eps / 2) * r);
        if (slackSum[i]! > bound) feasibility[i] = 'feasible';
        else if (slackSum[i]! < -bound) {
          feasibility[i] = 'infeasible';
          alive[i] = 0;
          eliminatedAt[i] = r;
          reason[i] = 'infeasible';
        } else if (bound === 0) {
          // Σ slack exactly 0 with the region closed: the mean sits on the limit, within ε either way.
          feasibility[i] = 'feasible';
        }
      }
    }
    // Elimination against the survivors at the start of the stage, by feasible systems only.
    const before = all.filter((i) => alive[i]);
    let open = false;
    for (const i of before) {
      for (const l of before) {
        if (l === i || feasibility[l] !== 'feasible') continue;
        const w = Math.max(0, (delta / (2 * r)) * ((hSquared * pairVariance[i * k + l]!) / (delta * delta) - r));
        if (w > 0) open = true;
        if (sum[i]! / r < sum[l]! / r - w) {
          alive[i] = 0;
          eliminatedAt[i] = r;
          reason[i] = 'beaten';
          break;
        }
      }
    }
    const survivors = all.filter((i) => alive[i]);
    const undecided = survivors.filter((i) => feasibility[i] === 'undecided');
    const feasibleSurvivors = survivors.filter((i) => feasibility[i] === 'feasible');
    if (survivors.length === 0) break;
    if (undecided.length === 0 && (feasibleSurvivors.length === 1 || !open)) break;
    if (settings.maxReplications !== undefined && r >= settings.maxReplications) {
      guaranteed = false;
      break;
    }
    await take(survivors, r, r + 1);
    r++;
  }

  const means = x.map((values) => (values.length ? (values.reduce((a, b) => a + b, 0) / values.length) * sign : NaN));
  let best: number | null = null;
  for (const i of all) {
    if (!alive[i] || feasibility[i] === 'infeasible' || (constraint && feasibility[i] !== 'feasible' && guaranteed)) continue;
    // Ties (all allowances closed, equal means) go to the lower index; the mean compared is the signed one.
    if (best === null || sum[i]! / x[i]!.length > sum[best]! / x[best]!.length) best = i;
  }
  return {
    best, replications: x.map((v) => v.length), eliminatedAt, reason,
    feasibility: constraint ? feasibility : null, means, guaranteed, eta, hSquared,
  };
}
