import solver, { type Model } from 'javascript-lp-solver';

export type { Model };

export interface LpAnswer {
  feasible: boolean;
  /** Objective value; NaN when infeasible or unbounded. */
  objective: number;
  /** Value of a variable (the solver leaves zeros out of its answer). */
  value(id: string): number;
}

/**
 * The one place that calls javascript-lp-solver: its `Solve` is typed as returning
 * `unknown`, so the answer is narrowed here instead of at every model.
 */
export function solveModel(model: Model): LpAnswer {
  const raw: unknown = solver.Solve(model);
  const rec = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const feasible = rec.feasible === true && rec.bounded !== false && typeof rec.result === 'number' && Number.isFinite(rec.result);
  return {
    feasible,
    objective: feasible ? (rec.result as number) : Number.NaN,
    value: (id) => {
      const v = rec[id];
      return typeof v === 'number' ? v : 0;
    },
  };
}
