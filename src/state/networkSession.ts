import { createStore } from 'zustand/vanilla';
import { loadNetworkText, moveWork, type Move, type NetworkPlan } from '../experiment/loadNetwork.ts';
import type { Problem } from '../model/problem.ts';
import type { Interval } from '../sim/confidence.ts';
import { compareReplications, type PlantKpi, type ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import type { FileResolver } from '../experiment/loadExperiment.ts';
import type { LiveSitesStore } from './liveSites.ts';
import { networkFromFiles } from './networkFiles.ts';
import { layoutResolver, type SampleFiles, type TextFile } from './openPlant.ts';

export interface SiteFigures {
  id: string;
  summary: ReplicationSummary;
}

export interface MoveOutcome {
  label: string;
  moved: number;
  /** Per affected site: after the move, and the paired difference to before (same seed: common random numbers). */
  sites: { id: string; after: ReplicationSummary; delta: Record<PlantKpi, Interval> }[];
}

export interface NetworkState {
  status: 'idle' | 'running' | 'done' | 'invalid' | 'cancelled' | 'failed';
  plan: NetworkPlan | undefined;
  sites: SiteFigures[];
  problems: Problem[];
  warnings: Problem[];
  error: string | undefined;
  move: { status: 'idle' | 'running' | 'done' | 'refused' | 'failed'; reason?: string; outcome?: MoveOutcome };
  /** A bundled network (its references resolve among the bundled samples). */
  run(file: TextFile): Promise<void>;
  /** A user's network among the files chosen or dropped with it (see networkFromFiles). */
  open(files: readonly TextFile[]): Promise<void>;
  moveAndCompare(from: string, to: string, move: Move): Promise<void>;
  cancel(): void;
}

export type NetworkSession = ReturnType<typeof createNetworkSession>;

/**
 * A network of sites in the app: every site's scenario replicated on the worker pool with its own
 * settings, summarised by the same KPI code as Simulate (so OEE and the rest mean the same at every
 * site); and the what-if that moves orders or a family between two sites and compares both sites
 * before and after on common random numbers.
 */
export function createNetworkSession(pool: () => SimPool, files: SampleFiles, live?: LiveSitesStore) {
  let abort: AbortController | undefined;
  return createStore<NetworkState>()((set, get) => {
    async function start(file: TextFile, resolve: FileResolver, extra: () => { problems: Problem[]; warnings: Problem[] }): Promise<void> {
      abort?.abort();
      const controller = abort = new AbortController();
      set({ status: 'running', plan: undefined, sites: [], problems: [], warnings: [], error: undefined, move: { status: 'idle' } });
      live?.getState().stop();
      const loaded = await loadNetworkText(file.text, file.name, resolve);
      if (controller !== abort) return;
      // Nothing half-loaded: any problem in any file, and no site is shown.
      if (!loaded.ok || extra().problems.length > 0) {
        set({ status: 'invalid', problems: [...(loaded.ok ? [] : loaded.problems), ...extra().problems] });
        return;
      }
      // Live sites connect while the others simulate: their figures run from connect.
      live?.getState().start(loaded.value);
      try {
        const summaries = await Promise.all(loaded.value.sites.map((s) =>
          pool().replicate(s.plant, { replications: s.plant.scenario!.experiment.replications }, undefined, controller.signal)));
        set({ status: 'done', plan: loaded.value, warnings: [...loaded.warnings, ...extra().warnings], sites: loaded.value.sites.map((s, i) => ({ id: s.id, summary: summaries[i]! })) });
      } catch (error) {
        if (controller === abort) set(endOfFailedRun(error));
      }
    }
    return {
      status: 'idle', plan: undefined, sites: [], problems: [], warnings: [], error: undefined, move: { status: 'idle' },
      run(file) {
        return start(file, layoutResolver([], files), () => ({ problems: [], warnings: [] }));
      },
      open(chosen) {
        const found = networkFromFiles(chosen);
        if ('problems' in found) {
          abort?.abort();
          set({ status: 'invalid', plan: undefined, sites: [], problems: found.problems, warnings: [], move: { status: 'idle' } });
          return Promise.resolve();
        }
        return start(found.network, found.resolve, () => ({
          problems: found.ambiguous,
          warnings: chosen.filter((f) => !found.used.has(f.name)).map((f) => ({
            file: f.name, path: '', expected: `a file ${found.network.name} refers to`, found: 'a file it does not refer to, so it was not read',
          })),
        }));
      },
      async moveAndCompare(from, to, move) {
        const { plan, sites } = get();
        if (!plan) return;
        const moved = moveWork(plan, from, to, move);
        if (!moved.ok) {
          set({ move: { status: 'refused', reason: moved.reason } });
          return;
        }
        set({ move: { status: 'running' } });
        const controller = abort = new AbortController();
        try {
          const after = await Promise.all([...moved.scenarios].map(async ([id, scenario]) => {
            const site = plan.sites.find((s) => s.id === id)!;
            const before = sites.find((s) => s.id === id)!.summary;
            const summary = await pool().replicate({ ...site.plant, scenario }, { replications: before.replications }, undefined, controller.signal);
            return { id, after: summary, delta: compareReplications(before, summary) };
          }));
          const label = 'family' in move ? `family ${move.family}` : `${move.orders.length} orders`;
          set({ move: { status: 'done', outcome: { label: `${label}: ${from} → ${to}`, moved: moved.moved, sites: after } } });
        } catch (error) {
          const end = endOfFailedRun(error);
          set({ move: end.status === 'failed' ? { status: 'failed', reason: end.error } : { status: 'idle' } });
        }
      },
      cancel() {
        abort?.abort();
        if (get().status === 'running') set({ status: 'cancelled' });
      },
    };
  });
}
