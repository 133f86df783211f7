import path from 'node:path';
import { loadExperimentText } from '../experiment/loadExperiment.ts';
import { loadNetworkText } from '../experiment/loadNetwork.ts';
import { loadPartText } from '../experiment/partFile.ts';
import {
  loadDispatchListText, loadPlantFile, loadScheduleText, parseStateCsv, parseStateJsonLines, type Plant,
} from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import type { DispatchList, Schedule } from '../model/scheduleSchema.ts';
import type { LessonAnswers } from '../training/answersSchema.ts';
import type { Lesson } from '../training/lessonSchema.ts';
import { loadLessonFile, type LessonSource } from '../training/lessonSource.ts';
import { loadAnswersText } from '../training/loadLesson.ts';
import { fsLessonFiles } from './fsLessonFiles.ts';
import { fsLayoutResolver, readTextFile } from './fsResolver.ts';

export type InputKind = 'layout' | 'scenario' | 'schedule' | 'dispatch-list' | 'recording' | 'experiment' | 'experiment-part' | 'network' | 'lesson' | 'lesson-answers' | 'unknown';

export type InputValue =
  | { kind: 'plant'; plant: Plant }
  | { kind: 'schedule'; schedule: Schedule }
  | { kind: 'dispatch-list'; dispatchList: DispatchList }
  | { kind: 'recording'; events: number; badLines: number }
  | { kind: 'experiment'; systems: number }
  | { kind: 'experiment-part'; replications: number }
  | { kind: 'network'; sites: number }
  | { kind: 'lesson'; lesson: Lesson; source: LessonSource }
  | { kind: 'lesson-answers'; answers: LessonAnswers };

/** Any file the CLI reads, loaded by what it is; problems empty means valid. */
export interface InputFile {
  file: string;
  kind: InputKind;
  problems: Problem[];
  warnings: Problem[];
  value?: InputValue;
}

const FORMAT_KINDS: Record<string, InputKind> = {
  'plant-twin/layout': 'layout',
  'plant-twin/scenario': 'scenario',
  'plant-twin/schedule': 'schedule',
  'plant-twin/dispatch': 'dispatch-list',
  'plant-twin/experiment': 'experiment',
  'plant-twin/experiment-part': 'experiment-part',
  'plant-twin/network': 'network',
  'plant-twin/lesson': 'lesson',
  'plant-twin/lesson-answers': 'lesson-answers',
};

function peekFormat(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && 'format' in value && typeof value.format === 'string') return value.format;
  } catch {
    // The loader reports the syntax error with its position.
  }
  return undefined;
}

/**
 * Loads a file by its content: recordings by extension (.csv, .jsonl), JSON files by their
 * "format" field. Files without a known format go to the plant loader, whose message names the
 * formats it expected.
 */
export async function loadInputFile(file: string): Promise<InputFile> {
  const read = await readTextFile(file);
  if ('problem' in read) return { file, kind: 'unknown', problems: [read.problem], warnings: [] };
  const { text } = read;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.jsonl') {
    const parsed = extension === '.csv' ? parseStateCsv(text, file) : parseStateJsonLines(text, file);
    return {
      file, kind: 'recording', problems: parsed.problems, warnings: [],
      value: { kind: 'recording', events: parsed.events.length, badLines: parsed.badLines },
    };
  }
  const format = peekFormat(text);
  const kind = (format && FORMAT_KINDS[format]) || 'unknown';
  if (kind === 'schedule') {
    const loaded = loadScheduleText(text, file);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, schedule: loaded.value } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'dispatch-list') {
    const loaded = loadDispatchListText(text, file);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, dispatchList: loaded.value } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'experiment') {
    const loaded = await loadExperimentText(text, file, fsLayoutResolver);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, systems: loaded.value.systems.length } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'network') {
    const loaded = await loadNetworkText(text, file, fsLayoutResolver);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, sites: loaded.value.sites.length } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'experiment-part') {
    const loaded = loadPartText(text, file);
    return loaded.ok
      ? { file, kind, problems: [], warnings: [], value: { kind, replications: loaded.value.systems.reduce((a, s) => a + s.records.length, 0) } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'lesson') {
    const loaded = await loadLessonFile(text, file, fsLessonFiles);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, ...loaded.value } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'lesson-answers') {
    const loaded = loadAnswersText(text, file);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, answers: loaded.value } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  const loaded = await loadPlantFile(text, file, fsLayoutResolver);
  return loaded.ok
    ? { file, kind: loaded.value.scenario ? 'scenario' : 'layout', problems: [], warnings: loaded.warnings, value: { kind: 'plant', plant: loaded.value } }
    : { file, kind, problems: loaded.problems, warnings: [] };
}
