import { createStore } from 'zustand/vanilla';
import { isoAt } from '../model/calendar.ts';
import type { Problem } from '../model/problem.ts';
import { SPEEDS, type PlaybackClock } from '../playback/clock.ts';
import { createRecordingSource } from '../playback/recordingSource.ts';
import type { TwinStateSource } from '../playback/stateSource.ts';
import { createTraceSource } from '../playback/traceSource.ts';
import type { AlarmAction, Answer, LessonAnswers } from '../training/answersSchema.ts';
import type { SchedulerProposal } from '../training/schedulerProposal.ts';
import type { DecisionFeedback, LessonReport, PauseView } from '../training/sessionTypes.ts';
import type { LessonFileSet, OpenedLesson, TrainingApi } from '../workers/trainingApi.ts';
import type { LessonHistory } from './lessonHistory.ts';
import type { TwinStore } from './store.ts';

/** The training worker's API as the page calls it: every call answers later. */
export type TrainingBackend = {
  [K in keyof TrainingApi]: (...args: Parameters<TrainingApi[K]>) => Promise<Awaited<ReturnType<TrainingApi[K]>>>;
};

export type TrainingStatus = 'idle' | 'opening' | 'playing' | 'judging' | 'feedback' | 'finishing' | 'report' | 'failed';

export interface TrainingState {
  trainee: string;
  status: TrainingStatus;
  lessonFile: string | undefined;
  opened: OpenedLesson | undefined;
  /** Why the lesson could not be opened or an answer was refused (the CLI's messages). */
  problems: Problem[];
  view: PauseView | undefined;
  /** The playhead has reached the pause: the step or the decision is shown. */
  reached: boolean;
  /** performance.now() when the decision became answerable. */
  shownAt: number;
  hintsOpened: number;
  proposal: SchedulerProposal | undefined;
  feedback: DecisionFeedback | undefined;
  answers: Answer[];
  actions: AlarmAction[];
  report: LessonReport | undefined;
  setTrainee(name: string): void;
  /** Opens a lesson (its text and file name, and files the user picked for it) and plays to its first pause. */
  open(file: string, text: string, opened?: File[]): Promise<void>;
  /** Plays on to the pause at once. */
  skipToPause(): void;
  /** Past a step or a decision's feedback, to the next pause (the end: the report). */
  proceed(): Promise<void>;
  revealHint(): void;
  answer(choice: Answer['choice']): Promise<void>;
  /** An alarm action at the playhead's plant time. */
  act(alarm: string, action: AlarmAction['action'], untilMinutes?: number): void;
  /** The answers so far as a `plant-twin/lesson-answers` file. */
  answersFile(): LessonAnswers | undefined;
  leave(): void;
}

export type TrainingStore = ReturnType<typeof createTraining>;

const EPSILON = 1e-6;
/** Seconds a stretch of plant time between two pauses takes to play, whatever its length (the trainee may change the speed). */
const SECONDS_PER_STRETCH = 20;

/** The playback speed (one of the clock's steps) that plays `minutes` in about SECONDS_PER_STRETCH. */
export function speedFor(minutes: number): number {
  const wanted = (minutes * 60) / SECONDS_PER_STRETCH;
  return SPEEDS.find((s) => s >= wanted) ?? SPEEDS[SPEEDS.length - 1]!;
}

/**
 * The Train workspace's session: a lesson played in the training worker from pause to pause. At
 * each pause the trainee's run so far becomes the timeline's source (a simulation trace, or the
 * recording) and plays from the last pause; the step or decision shows when the playhead gets
 * there. Answers, hints, decision times and alarm actions are kept as the answers file the CLI
 * scores to the same result.
 */
export function createTraining(deps: {
  backend: () => TrainingBackend;
  twin: TwinStore;
  clock: PlaybackClock;
  texts: () => Record<string, string>;
  history: LessonHistory;
  hideOthers?: () => void;
  now?: () => number;
}) {
  const now = deps.now ?? (() => performance.now());
  const playback = deps.clock.store;
  let session = 0;
  let lastAt = 0;
  let recording: ReturnType<typeof createRecordingSource> | undefined;

  const store = createStore<TrainingState>()((set, get) => {
    const fail = (problems: Problem[]): void => set({ status: 'failed', problems });
    const failed = (error: unknown): void => fail([{ file: get().lessonFile ?? 'lesson', path: '', expected: 'the lesson to play on', found: error instanceof Error ? error.message : String(error) }]);

    /** Puts the run up to the pause on the timeline and plays it from the last pause. */
    const show = (view: PauseView): void => {
      const opened = get().opened!;
      const layout = deps.twin.getState().plant?.layout;
      let source: TwinStateSource | undefined = recording;
      if (view.trace && layout) {
        source = createTraceSource(view.trace, layout, { label: `Lesson: ${opened.lesson.title}`, startIso: opened.startIso, horizon: Math.max(view.at, EPSILON) });
      }
      set({ view, reached: view.at <= lastAt + EPSILON, hintsOpened: 0, proposal: undefined, feedback: undefined, problems: [] });
      if (get().reached) set({ shownAt: now() });
      if (source) {
        deps.hideOthers?.();
        if (playback.getState().source !== source) playback.getState().setSource(source);
        deps.clock.seek(lastAt);
        if (!get().reached) {
          playback.getState().setSpeed(speedFor(view.at - lastAt));
          playback.getState().play();
        }
      }
      if (view.kind === 'decision') void fetchProposal(view);
      // An end at the time of the last decision needs no playing to get there.
      if (view.kind === 'end' && get().reached) void get().proceed();
    };

    const fetchProposal = async (view: PauseView): Promise<void> => {
      const id = session;
      const proposal = await deps.backend().proposal();
      if (id === session && get().view === view) set({ proposal });
    };

    const arrive = (): void => {
      const { view } = get();
      if (!view || get().reached) return;
      set({ reached: true, shownAt: now() });
      lastAt = view.at;
      playback.getState().pause();
      deps.clock.seek(view.at);
      if (view.kind === 'end') void get().proceed();
    };

    deps.clock.subscribe(() => {
      const { view, reached, status } = get();
      if (status === 'playing' && view && !reached && deps.clock.playhead.minutes >= view.at - EPSILON) arrive();
    });

    return {
      trainee: '', status: 'idle', lessonFile: undefined, opened: undefined, problems: [], view: undefined, reached: false,
      shownAt: 0, hintsOpened: 0, proposal: undefined, feedback: undefined, answers: [], actions: [], report: undefined,
      setTrainee: (trainee) => set({ trainee }),
      async open(file, text, openedFiles = []) {
        const id = ++session;
        lastAt = 0;
        recording = undefined;
        set({ status: 'opening', lessonFile: file, opened: undefined, problems: [], view: undefined, answers: [], actions: [], report: undefined, feedback: undefined });
        try {
          const files: LessonFileSet = { texts: deps.texts(), opened: openedFiles };
          const result = await deps.backend().open(text, file, files);
          if (id !== session) return;
          if (!result.ok) return fail(result.problems);
          set({ opened: result.opened });
          const src = result.opened.source;
          const plantFile = src.kind === 'scenario' ? src.scenarioFile : src.layoutFile;
          if (plantFile && deps.twin.getState().plant?.scenarioFile !== plantFile && deps.twin.getState().plant?.layoutFile !== plantFile) {
            await deps.twin.getState().openSample(plantFile);
          }
          if (src.kind === 'recording') {
            const columns = await deps.backend().columns();
            const layout = deps.twin.getState().plant?.layout;
            if (columns && layout) recording = createRecordingSource(columns, layout, `Lesson: ${result.opened.lesson.title}`);
          }
          const view = await deps.backend().view(true);
          if (id !== session) return;
          set({ status: 'playing' });
          show(view);
        } catch (error) {
          if (id === session) failed(error);
        }
      },
      skipToPause() {
        if (get().status === 'playing') arrive();
      },
      async proceed() {
        const { view, status } = get();
        if (!view || (status !== 'playing' && status !== 'feedback')) return;
        const id = session;
        try {
          if (view.kind === 'end') {
            set({ status: 'finishing' });
            const result = await deps.backend().finish(get().trainee || 'trainee', get().actions);
            if (id !== session) return;
            if (!result.ok) return fail(result.problems);
            set({ status: 'report', report: result.report });
            const answers = get().answersFile();
            if (answers) await deps.history.add(result.report, answers);
            return;
          }
          if (view.kind === 'step') await deps.backend().next();
          const next = await deps.backend().view(true);
          if (id !== session) return;
          set({ status: 'playing' });
          show(next);
        } catch (error) {
          if (id === session) failed(error);
        }
      },
      revealHint() {
        const d = get().view?.decision;
        if (d && get().hintsOpened < d.hints.length) set({ hintsOpened: get().hintsOpened + 1 });
      },
      async answer(choice) {
        const { view, reached, status } = get();
        if (!view?.decision || !reached || status !== 'playing') return;
        const id = session;
        const answer: Answer = { decision: view.decision.id, choice, hints: get().hintsOpened, seconds: Math.max(0, (now() - get().shownAt) / 1000) };
        set({ status: 'judging', problems: [] });
        try {
          const result = await deps.backend().answer(answer);
          if (id !== session) return;
          if (!result.ok) {
            set({ status: 'playing', problems: result.problems });
            return;
          }
          set({ status: 'feedback', feedback: result.feedback, answers: [...get().answers, answer] });
        } catch (error) {
          if (id === session) failed(error);
        }
      },
      act(alarm, action, untilMinutes) {
        const opened = get().opened;
        if (!opened) return;
        const at = isoAt(opened.startIso, deps.clock.playhead.minutes);
        const entry: AlarmAction = { alarm, action, at, ...(untilMinutes !== undefined ? { until: isoAt(opened.startIso, untilMinutes) } : {}) };
        set({ actions: [...get().actions, entry] });
      },
      answersFile() {
        const opened = get().opened;
        if (!opened) return undefined;
        return { format: 'plant-twin/lesson-answers', version: 1, lesson: opened.lesson.id, trainee: get().trainee || 'trainee', answers: get().answers, alarms: get().actions };
      },
      leave() {
        session++;
        if (recording && playback.getState().source === recording) playback.getState().setSource(undefined);
        recording = undefined;
        set({ status: 'idle', view: undefined, opened: undefined, report: undefined, feedback: undefined, problems: [], lessonFile: undefined });
      },
    };
  });
  return store;
}
