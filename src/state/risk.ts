import { createStore } from 'zustand/vanilla';
import type { Plant } from '../model/load.ts';
import type { Plan } from '../scheduling/plan.ts';
import { planOutputs } from '../scheduling/plan.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import { scheduleRisk, type RiskReport } from '../workers/scheduleRisk.ts';
import type { SchedulingStore } from './scheduling.ts';
import type { TwinStore } from './store.ts';

/** An order is at risk when it finishes on time in fewer than this share of the replications. */
export const AT_RISK_BELOW = 0.9;

export interface RiskResult {
  /** The plan the replications followed; an edit makes the result stale. */
  plan: Plan;
  report: RiskReport;
  /** Per operation of the plan: 1 where its order is at risk (and not late in the plan itself). */
  atRisk: Uint8Array;
}

export interface RiskState {
  replications: number;
  attribution: boolean;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  progress: number;
  error: string | undefined;
  result: RiskResult | undefined;
  setReplications(n: number): void;
  setAttribution(on: boolean): void;
  /** Replicates the plan on screen through the simulator's schedule follower, on the worker pool. */
  run(): Promise<void>;
  cancel(): void;
}

/**
 * Risk of the plan on the Gantt: R replications of the simulator following it with the
 * scenario's randomness, and with attribution the same replications with one disturbance off
 * at a time (src/workers/scheduleRisk.ts, as `plant-twin risk`). The seed is the schedule
 * panel's, so the CLI with the same seed gives the same numbers.
 */
export function createRisk(twin: TwinStore, scheduling: SchedulingStore, pool: () => SimPool) {
  let abort: AbortController | undefined;
  const store = createStore<RiskState>()((set, get) => ({
    replications: 100,
    attribution: true,
    status: 'idle',
    progress: 0,
    error: undefined,
    result: undefined,
    setReplications: (n) => set({ replications: Math.max(2, Math.min(2000, Math.floor(n) || 2)) }),
    setAttribution: (on) => set({ attribution: on }),
    async run() {
      const { plan, facts, settings } = scheduling.getState();
      const plant = twin.getState().plant;
      if (!plan || !facts || !plant) {
        set({ status: 'failed', error: 'Schedule the orders first: risk replicates the plan on the Gantt.' });
        return;
      }
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      set({ status: 'running', progress: 0, error: undefined });
      const followed: Plant = { ...plant, scenario: facts.scenario };
      const schedule = planOutputs(plan, facts.objective, { lowerBound: facts.lowerBound, gap: facts.gap }).schedule;
      try {
        const report = await scheduleRisk(pool(), followed, schedule, { replications: get().replications, seed: settings.seed, attribution: get().attribution },
          (f) => { if (abort === controller) set({ progress: f }); }, controller.signal);
        if (abort !== controller) return;
        set({ status: 'done', progress: 1, result: { plan, report, atRisk: atRiskOperations(plan, report) } });
      } catch (error) {
        if (abort !== controller) return;
        set(endOfFailedRun(error));
      }
    },
    cancel() {
      if (get().status !== 'running') return;
      abort?.abort();
      abort = undefined;
      set({ status: 'cancelled' });
    },
  }));
  // Another plant, or a new schedule, forgets the result; an edit keeps it, marked stale by its plan.
  twin.subscribe((state, previous) => {
    if (state.plant?.scenarioFile !== previous.plant?.scenarioFile || state.plant?.layoutFile !== previous.plant?.layoutFile) {
      store.getState().cancel();
      store.setState({ result: undefined, status: 'idle' });
    }
  });
  scheduling.subscribe((state, previous) => {
    if (state.facts !== previous.facts) store.setState({ result: undefined, status: store.getState().status === 'running' ? 'running' : 'idle' });
  });
  return store;
}

/** Operations of orders that finish on time in fewer than AT_RISK_BELOW of the runs, unless the plan already has them late. */
export function atRiskOperations(plan: Plan, report: RiskReport): Uint8Array {
  const out = new Uint8Array(plan.machine.length);
  const risky = new Set(report.orders.filter((o) => o.pOnTime < AT_RISK_BELOW).map((o) => o.order));
  for (const job of plan.pp.problem.jobs) {
    if (!risky.has(job.name)) continue;
    for (const op of job.operations) out[op] = 1;
  }
  return out;
}
