import { createStore } from 'zustand/vanilla';
import { inputHashText } from '../experiment/inputHash.ts';
import { loadExperimentText } from '../experiment/loadExperiment.ts';
import { completeExperiment, experimentMeta, runTasks, shardTasks, type ExperimentResultFile } from '../experiment/runExperiment.ts';
import type { Problem } from '../model/problem.ts';
import { poolRunner } from '../workers/experimentRunner.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import { layoutResolver, type SampleFiles, type TextFile } from './openPlant.ts';

export interface ExperimentState {
  status: 'idle' | 'loading' | 'running' | 'done' | 'invalid' | 'cancelled' | 'failed';
  file: string | undefined;
  /** Replications finished and asked for so far (a selection asks for more as it goes). */
  done: number;
  total: number;
  result: ExperimentResultFile | undefined;
  problems: Problem[];
  error: string | undefined;
  /** Index of the system whose details (states per machine, bottleneck in the twin) are shown. */
  focus: number;
  /** Runs an experiment file; `files` are the scenarios and layouts it names, when they are not opened or bundled ones. */
  run(file: TextFile, files?: readonly TextFile[]): Promise<void>;
  cancel(): void;
  setFocus(system: number): void;
}

export type ExperimentSession = ReturnType<typeof createExperimentSession>;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An experiment file run in the app exactly as `plant-twin experiment` runs it: the same loader,
 * seed, replication records, selection and summaries, on the app's worker pool — so the result
 * is the CLI's result.json, number for number. Cancelling stops this run only.
 */
export function createExperimentSession(pool: () => SimPool, files: SampleFiles, opened: () => readonly TextFile[] = () => []) {
  let abort: AbortController | undefined;
  let runId = 0;
  return createStore<ExperimentState>()((set, get) => ({
    status: 'idle', file: undefined, done: 0, total: 0, result: undefined, problems: [], error: undefined, focus: 0,
    async run(file, extra = []) {
      const id = ++runId;
      abort?.abort();
      const controller = abort = new AbortController();
      set({ status: 'loading', file: file.name, done: 0, total: 0, problems: [], error: undefined });
      const loaded = await loadExperimentText(file.text, file.name, layoutResolver([...extra, ...opened()], files));
      if (id !== runId) return;
      if (!loaded.ok) {
        set({ status: 'invalid', problems: loaded.problems });
        return;
      }
      const plan = loaded.value;
      const meta = experimentMeta(plan, await sha256(inputHashText(plan)));
      const runner = poolRunner(pool(), plan);
      const ask = async (tasks: ReturnType<typeof shardTasks>) => {
        set((s) => ({ total: s.total + tasks.reduce((a, t) => a + t.replications.length, 0) }));
        return runTasks(tasks, plan.systems.length, runner, { signal: controller.signal, onDone: (n) => { if (id === runId) set((s) => ({ done: s.done + n })); } });
      };
      set({ status: 'running' });
      try {
        const records = await ask(shardTasks(plan.systems.length, plan.replications));
        const result = await completeExperiment(meta, records, ask);
        if (id !== runId) return;
        const best = result.selection?.best ? result.systems.findIndex((s) => s.id === result.selection!.best) : 0;
        set({ status: 'done', result, focus: Math.max(0, best) });
      } catch (error) {
        if (id === runId) set(endOfFailedRun(error));
      }
    },
    cancel() {
      if (get().status !== 'running' && get().status !== 'loading') return;
      runId++;
      abort?.abort();
      set({ status: 'cancelled' });
    },
    setFocus: (focus) => set({ focus }),
  }));
}
