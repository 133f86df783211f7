import { resolveRelative } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import { readRecording } from '../live/recordingStream.ts';
import type { StateColumns } from '../live/stateColumns.ts';
import type { AlarmAction, Answer } from '../training/answersSchema.ts';
import type { Lesson } from '../training/lessonSchema.ts';
import { loadLessonFile, playLesson, type LessonFiles } from '../training/lessonSource.ts';
import type { SchedulerProposal } from '../training/schedulerProposal.ts';
import type { AnswerResult, LessonPlay, LessonReport, PauseView } from '../training/sessionTypes.ts';

/** Files a lesson may reference, in the page: texts by repository path (bundled samples), and files the user opened, by name. */
export interface LessonFileSet {
  /** Repository path (as the CLI names it: "scenarios/x.json") → text. */
  texts: Record<string, string>;
  /** Files the user opened (a recording, a Devices.xml), matched by their base name. */
  opened?: File[];
}

export interface OpenedLesson {
  lesson: Lesson;
  source: { kind: 'scenario'; scenarioFile: string; layoutFile: string } | { kind: 'recording'; recordingFile: string; layoutFile?: string };
  /** Time zero of the lesson's minutes. */
  startIso: string;
  pauseCount: number;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * A lesson's references resolved in the page: a path relative to the lesson names a bundled
 * sample, and otherwise a file the user opened with the same base name (a recording lives
 * outside the repository, as ../shared/datasets does).
 */
export function pageLessonFiles(set: LessonFileSet): LessonFiles {
  const opened = (ref: string): File | undefined => set.opened?.find((f) => f.name === baseName(ref));
  return {
    text: async (ref, from) => {
      const path = resolveRelative(ref, from);
      const bundled = set.texts[path];
      if (bundled !== undefined) return { text: bundled, file: path };
      const file = opened(ref);
      return file ? { text: await file.text(), file: file.name } : undefined;
    },
    recording: async (ref, _from, options) => {
      const file = opened(ref);
      return file ? readRecording(file, { ...options, name: file.name }) : undefined;
    },
  };
}

/**
 * What the training worker exposes: one lesson at a time, played from pause to pause. The same
 * session code as `plant-twin lesson score`, so the page's score is the CLI's for the same
 * answers.
 */
export function createTrainingApi() {
  let play: LessonPlay | undefined;
  let columns: StateColumns | undefined;
  let lessonId = '';
  const current = (): LessonPlay => {
    if (!play) throw new Error('training: open a lesson first');
    return play;
  };
  return {
    /** Loads and checks a lesson with what it runs on; the problems are those the CLI prints. */
    async open(text: string, file: string, files: LessonFileSet): Promise<{ ok: true; opened: OpenedLesson } | { ok: false; problems: Problem[] }> {
      play = undefined;
      columns = undefined;
      const loaded = await loadLessonFile(text, file, pageLessonFiles(files));
      if (!loaded.ok) return loaded;
      const { lesson, source } = loaded.value;
      play = playLesson(lesson, source);
      if (source.kind === 'recording') columns = source.columns;
      lessonId = lesson.id;
      const opened: OpenedLesson = {
        lesson, startIso: play.startIso, pauseCount: play.pauseCount,
        source: source.kind === 'scenario'
          ? { kind: 'scenario', scenarioFile: source.plant.scenarioFile ?? '', layoutFile: source.plant.layoutFile }
          : { kind: 'recording', recordingFile: source.file, ...(source.layout ? { layoutFile: source.layout.file } : {}) },
      };
      return { ok: true, opened };
    },
    /** Checks a lesson's text only against what it runs on, for the authoring form. */
    async check(text: string, file: string, files: LessonFileSet): Promise<Problem[]> {
      const loaded = await loadLessonFile(text, file, pageLessonFiles(files));
      return loaded.ok ? [] : loaded.problems;
    },
    /** A recording lesson's recording, for the page to replay (undefined for a scenario lesson). */
    columns(): StateColumns | undefined {
      return columns;
    },
    view(trace = false): PauseView {
      return current().view({ trace });
    },
    next(): void {
      current().next();
    },
    proposal(): SchedulerProposal | undefined {
      return current().proposal();
    },
    answer(answer: Answer): AnswerResult {
      return current().answer(answer, { file: `${lessonId} answers`, path: 'answer' });
    },
    finish(trainee: string, alarms: AlarmAction[]): { ok: true; report: LessonReport } | { ok: false; problems: Problem[] } {
      const p = current();
      const actions = p.alarmActions(alarms, `${lessonId} answers`);
      if (actions.problems.length) return { ok: false, problems: actions.problems };
      return { ok: true, report: p.report(trainee, actions.actions) };
    },
  };
}

export type TrainingApi = ReturnType<typeof createTrainingApi>;
