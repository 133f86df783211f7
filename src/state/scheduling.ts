import { createStore } from 'zustand/vanilla';
import { buildSnapshot, type Observed } from '../live/snapshot.ts';
import type { Plant } from '../model/load.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { parseObjective, type Objective, type ObjectiveKpis } from '../../solver/objective.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { describeMovedPin, describeRefusal, describeViolation } from '../scheduling/describe.ts';
import { checkPlan, moveOperation, movedPins, setLocked } from '../scheduling/edit.ts';
import { planFromTimetable, planKpis, planOutputs, type Plan } from '../scheduling/plan.ts';
import type { ScheduleClient } from '../workers/scheduleClient.ts';
import type { ScheduleResult } from '../workers/scheduleApi.ts';
import type { TwinStore } from './store.ts';

/** Where the schedule starts: the scenario's own start state, or what the twin observes now. */
export type StartFrom = 'scenario' | 'live' | 'recording';

/** Objectives offered in the panel, in the CLI's syntax (`plant-twin schedule --objective`). */
export const OBJECTIVES = [
  { value: 'lex:lateOrders,totalSetup,weightedTardiness', label: 'Late orders, then setup, then tardiness' },
  { value: 'weightedTardiness', label: 'Weighted tardiness' },
  { value: 'lateOrders', label: 'Late orders' },
  { value: 'totalSetup', label: 'Setup time' },
  { value: 'makespan', label: 'Makespan' },
] as const;

export interface ScheduleSettings {
  /** In the CLI's syntax: a criterion, `lex:a,b` or `w:a=1,b=0.1`. */
  objective: string;
  timeLimitS: number;
  seed: number;
  startFrom: StartFrom;
}

/** The solver's best value and lower bound on the objective's first level, over time. */
export interface ProgressPoint { elapsedMs: number; best: number; bound: number }

/** What the solver said about the plan it returned; edits change the plan, not these. */
export interface SolveFacts {
  objective: Objective;
  objectiveName: string;
  lowerBound: number[];
  gap: number;
  kpis: ObjectiveKpis;
  edd: ObjectiveKpis;
  iterations: number;
  /** Operations in the schedule the worker returned. */
  workerOperations: number;
  /** The scenario the plan belongs to (with the observed start state, when started from it). */
  scenario: Scenario;
  startedFrom: StartFrom;
  /** What the user should know about the start: observations left out, an early snapshot. */
  notes: string[];
}

/**
 * The last drop: refused with the reason (the bar went back), or accepted, with the pins the
 * engine's timing could not keep because of it (the dropped operation's own among them when it
 * could not begin where it was put), in words.
 */
export type DropOutcome = { ok: true; moved: string[] } | { ok: false; reason: string };

export interface SchedulingState {
  settings: ScheduleSettings;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  progress: ProgressPoint[];
  error: string | undefined;
  facts: SolveFacts | undefined;
  /** The plan on the Gantt, edits included. */
  plan: Plan | undefined;
  past: Plan[];
  future: Plan[];
  lastDrop: DropOutcome | undefined;
  /** Operation selected on the Gantt (index in the plan). */
  selected: number | undefined;
  setSettings(settings: Partial<ScheduleSettings>): void;
  /** Schedules the open orders of the scenario on screen in the worker. */
  run(): Promise<void>;
  /** Schedules again with the pinned operations kept where they are. */
  reoptimise(): Promise<void>;
  cancel(): void;
  /** What a drop would do, without doing it: for the live check while dragging. */
  tryMove(op: number, machine: number, start: number): DropOutcome & { plan?: Plan };
  /** Drops `op` at `start` on `machine`: committed when the checker accepts it, else refused with the reason. */
  drop(op: number, machine: number, start: number): DropOutcome;
  toggleLock(op: number): void;
  undo(): void;
  redo(): void;
  select(op: number | undefined): void;
}

export type SchedulingStore = ReturnType<typeof createScheduling>;

/** What the twin observes now, to start a schedule from (live states, or a recording at the playhead). */
export type Observe = (from: 'live' | 'recording') => { timeIso: string; states: Observed[] } | undefined;

const HISTORY = 100;

/**
 * The Schedule workspace's session over the twin store: settings, one solve at a time in the
 * schedule worker with progress and cancel, then the plan as the Gantt edits it — every edit
 * judged by the solver's plant checker, undo/redo, pins, and re-optimising around the pins.
 * Opening another plant forgets the plan.
 */
export function createScheduling(twin: TwinStore, worker: () => ScheduleClient, observe: Observe) {
  let runId = 0;
  let cancelledRun = -1;

  const store = createStore<SchedulingState>()((set, get) => {
    /** The scenario to schedule: the one on screen, with the observed states as its start state when asked. */
    const scenarioToSchedule = (plant: Plant, from: StartFrom): { scenario: Scenario; notes: string[] } | string => {
      const scenario = plant.scenario!;
      if (from === 'scenario') return { scenario, notes: [] };
      const seen = observe(from);
      if (!seen) return from === 'live' ? 'Connect to live states (Twin workspace) to schedule from them.' : 'Open a recording (Twin workspace) to schedule from the playhead.';
      const { snapshot, dropped } = buildSnapshot(scenario, plant.layout, seen.states, seen.timeIso);
      const running = snapshot.equipment.filter((e) => e.order !== undefined && (e.state === 'processing' || e.state === 'setup')).length;
      return {
        scenario: { ...scenario, startState: snapshot },
        notes: [`From the ${from === 'live' ? 'live states' : 'recording'} at ${seen.timeIso}: ${snapshot.equipment.length} equipment, ${running} running operations frozen.`, ...dropped],
      };
    };

    const solve = async (previous: Schedule | undefined): Promise<void> => {
      const plant = twin.getState().plant;
      if (!plant?.scenario) {
        set({ status: 'failed', error: 'Open a scenario (not only a layout) to schedule its orders.' });
        return;
      }
      const { settings } = get();
      const objective = parseObjective(settings.objective);
      if (typeof objective === 'string') {
        set({ status: 'failed', error: `Objective: ${objective}` });
        return;
      }
      // Re-optimising keeps the scenario (and start state) the plan was made for.
      const from = previous && get().facts ? { scenario: get().facts!.scenario, notes: get().facts!.notes } : scenarioToSchedule(plant, settings.startFrom);
      if (typeof from === 'string') {
        set({ status: 'failed', error: from });
        return;
      }
      const id = ++runId;
      set({ status: 'running', progress: [], error: undefined, lastDrop: undefined });
      try {
        const result: ScheduleResult = await worker().schedule({ layout: plant.layout, scenario: from.scenario }, {
          objective,
          seed: settings.seed,
          timeLimitMs: settings.timeLimitS * 1000,
          ...(previous ? { previous } : {}),
        }, (p) => {
          if (id !== runId) return;
          set({ progress: [...get().progress, { elapsedMs: p.elapsedMs, best: p.best[0] ?? NaN, bound: p.lowerBound[0] ?? NaN }] });
        });
        if (id !== runId) return;
        // The same problem the worker solved (same plant, same previous schedule), to edit its timetable.
        const pp = plantProblem({ ...plant, scenario: from.scenario }, previous ? { previous } : {});
        if (result.timetable.machine.length !== pp.problem.operations.length) {
          set({ status: 'failed', error: `The worker scheduled ${result.timetable.machine.length} operations, the scenario has ${pp.problem.operations.length} to do.` });
          return;
        }
        const plan = planFromTimetable(pp, result.timetable);
        const facts: SolveFacts = {
          objective, objectiveName: result.schedule.objective, lowerBound: result.lowerBound, gap: result.gap,
          kpis: result.kpis, edd: result.edd, iterations: result.iterations, workerOperations: result.schedule.operations.length,
          scenario: from.scenario, startedFrom: previous ? get().facts?.startedFrom ?? settings.startFrom : settings.startFrom,
          notes: cancelledRun === id ? [...from.notes, `Stopped by Cancel after ${result.iterations} search iterations: the best schedule found by then.`] : from.notes,
        };
        const last = get().progress.at(-1);
        set({
          status: 'done', facts, plan, selected: undefined,
          past: previous && get().plan ? [...get().past, get().plan!].slice(-HISTORY) : [], future: [],
          progress: [...get().progress, { elapsedMs: Math.max(last?.elapsedMs ?? 0, 0), best: result.value[0] ?? NaN, bound: result.lowerBound[0] ?? NaN }],
        });
      } catch (error) {
        if (id !== runId) return;
        set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    };

    const judge = (op: number, machine: number, start: number): DropOutcome & { plan?: Plan } => {
      const plan = get().plan;
      if (!plan) return { ok: false, reason: 'No schedule yet.' };
      const moved = moveOperation(plan, op, machine, start);
      if ('refused' in moved) return { ok: false, reason: describeRefusal(plan, moved.refused) };
      const violations = checkPlan(moved.plan);
      if (violations.length > 0) return { ok: false, reason: describeViolation(moved.plan, violations[0]!), plan: moved.plan };
      const next = moved.plan;
      const shifted = movedPins(next).filter((v) => v === op || next.setupStart[v] !== plan.setupStart[v]);
      return { ok: true, moved: shifted.map((v) => describeMovedPin(next, v)), plan: next };
    };

    const change = (plan: Plan) => set({ plan, past: [...get().past, get().plan!].slice(-HISTORY), future: [] });

    return {
      settings: { objective: OBJECTIVES[0].value, timeLimitS: 10, seed: 1, startFrom: 'scenario' },
      status: 'idle',
      progress: [],
      error: undefined,
      facts: undefined,
      plan: undefined,
      past: [],
      future: [],
      lastDrop: undefined,
      selected: undefined,
      setSettings(settings) {
        const next = { ...get().settings, ...settings };
        next.timeLimitS = Math.min(3600, Math.max(1, Number.isFinite(next.timeLimitS) ? next.timeLimitS : 10));
        next.seed = Math.max(0, Math.floor(Number.isFinite(next.seed) ? next.seed : 1));
        set({ settings: next });
      },
      run: () => solve(undefined),
      async reoptimise() {
        const { plan, facts } = get();
        if (!plan || !facts) return;
        await solve(planOutputs(plan, facts.objective, { lowerBound: facts.lowerBound, gap: facts.gap }).schedule);
      },
      cancel() {
        if (get().status !== 'running') return;
        cancelledRun = runId;
        void worker().cancel();
      },
      tryMove: judge,
      drop(op, machine, start) {
        const outcome = judge(op, machine, start);
        if (outcome.ok && outcome.plan) change(outcome.plan);
        const lastDrop: DropOutcome = outcome.ok ? { ok: true, moved: outcome.moved } : { ok: false, reason: outcome.reason };
        set({ lastDrop });
        return lastDrop;
      },
      toggleLock(op) {
        const plan = get().plan;
        if (!plan || plan.pp.fixed[op]?.kind === 'frozen') return;
        change(setLocked(plan, op, !plan.locked[op]));
      },
      undo() {
        const { past, plan, future } = get();
        const previous = past.at(-1);
        if (!previous || !plan) return;
        set({ plan: previous, past: past.slice(0, -1), future: [plan, ...future], lastDrop: undefined });
      },
      redo() {
        const { past, plan, future } = get();
        const next = future[0];
        if (!next || !plan) return;
        set({ plan: next, past: [...past, plan], future: future.slice(1), lastDrop: undefined });
      },
      select: (op) => set({ selected: op }),
    };
  });

  twin.subscribe((state, previous) => {
    const same = state.plant?.layoutFile === previous.plant?.layoutFile && state.plant?.scenarioFile === previous.plant?.scenarioFile;
    if (same) return;
    runId++;
    store.setState({ status: 'idle', progress: [], error: undefined, facts: undefined, plan: undefined, past: [], future: [], lastDrop: undefined, selected: undefined });
  });

  return store;
}

/** KPIs of the plan on screen (edits included). */
export function currentKpis(state: Pick<SchedulingState, 'plan'>): ObjectiveKpis | undefined {
  return state.plan ? planKpis(state.plan) : undefined;
}

