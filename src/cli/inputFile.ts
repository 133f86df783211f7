import { loadExperimentText } from '../experiment/loadExperiment.ts';
import { loadNetworkText } from '../experiment/loadNetwork.ts';
import { loadPartText } from '../experiment/partFile.ts';
import { readRecording, recordingFormatOfName } from '../live/recordingStream.ts';
import {
  loadDispatchListText, loadPlantFile, loadScheduleText, type Plant,
} from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import type { DispatchList, Schedule } from '../model/scheduleSchema.ts';
import { TEXT_ENCODINGS, type TextEncodingName } from '../model/textDecoding.ts';
import type { OptionSpecs, ParsedArgs } from './command.ts';
import type { LessonAnswers } from '../training/answersSchema.ts';
import type { Lesson } from '../training/lessonSchema.ts';
import { loadLessonFile, type LessonSource } from '../training/lessonSource.ts';
import { loadAnswersText } from '../training/loadLesson.ts';
import { fsLessonFiles } from './fsLessonFiles.ts';
import { fsLayoutResolverWith, fsReferenceReader, openByteStream, readTextFile } from './fsResolver.ts';

export type InputKind = 'layout' | 'scenario' | 'schedule' | 'dispatch-list' | 'recording' | 'experiment' | 'experiment-part' | 'network' | 'lesson' | 'lesson-answers' | 'unknown';

export type InputValue =
  | { kind: 'plant'; plant: Plant }
  | { kind: 'schedule'; schedule: Schedule }
  | { kind: 'dispatch-list'; dispatchList: DispatchList }
  | { kind: 'recording'; events: number; badLines: number; gaps: number }
  | { kind: 'experiment'; systems: number }
  | { kind: 'experiment-part'; replications: number }
  | { kind: 'network'; sites: number; recorded: { site: string; events: number; availability?: number; oee?: number }[]; live: { site: string; url: string; topic: string }[] }
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

/** How files are read: their encoding, where a scenario's layout may come from, an SHDR device model. */
export interface InputOptions {
  encoding?: TextEncodingName;
  layoutRoots?: readonly string[];
  /** Devices.xml text for SHDR recordings. */
  devicesXml?: string;
}

/** The options of every command that reads scenarios (main.ts parses them with the command's own). */
export const INPUT_OPTIONS: OptionSpecs = {
  encoding: { type: 'string' },
  'layout-root': { type: 'string', multiple: true },
};

export const INPUT_OPTION_HELP: Record<string, string> = {
  encoding: 'how the files are written: utf-8 (default; other bytes are refused with their line) or latin1 (ISO 8859-1)',
  'layout-root': 'a folder a scenario\'s layout may also come from (default: the scenario\'s folder tree); repeatable',
};

/** The input options of a command line, or a usage error. */
export function inputOptionsOf(values: ParsedArgs['values']): InputOptions | { error: string } {
  const encoding = values.encoding;
  if (encoding !== undefined && !(TEXT_ENCODINGS as readonly unknown[]).includes(encoding)) {
    return { error: `--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, found "${String(encoding)}"` };
  }
  const roots = values['layout-root'];
  return {
    ...(encoding ? { encoding: encoding as TextEncodingName } : {}),
    ...(Array.isArray(roots) ? { layoutRoots: roots.map(String) } : {}),
  };
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
 * A recording, streamed: any size, only the counts kept. Invalid bytes, a read error or an
 * empty file come back as problems like any bad line.
 */
async function loadRecording(file: string, options: InputOptions): Promise<InputFile> {
  const opened = await openByteStream(file);
  if ('problem' in opened) return { file, kind: 'recording', problems: [opened.problem], warnings: [] };
  const read = await readRecording(opened.stream, {
    name: file, keepColumns: false,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.devicesXml ? { devicesXml: options.devicesXml } : {}),
  });
  opened.stream.destroy();
  return {
    file, kind: 'recording', problems: read.problems, warnings: read.warnings,
    value: { kind: 'recording', events: read.events, badLines: read.badLines, gaps: read.gaps },
  };
}

/**
 * Loads a file by its content: recordings by extension (.csv, .jsonl, .ndjson, .shdr, .txt,
 * .log), JSON files by their "format" field. Files without a known format go to the plant
 * loader, whose message names the formats it expected.
 */
export async function loadInputFile(file: string, options: InputOptions = {}): Promise<InputFile> {
  if (recordingFormatOfName(file)) return loadRecording(file, options);
  const read = await readTextFile(file, options.encoding ? { encoding: options.encoding } : {});
  if ('problem' in read) return { file, kind: 'unknown', problems: [read.problem], warnings: [] };
  const { text } = read;
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
  const resolver = fsLayoutResolverWith({
    ...(options.layoutRoots ? { roots: options.layoutRoots } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  if (kind === 'experiment') {
    const loaded = await loadExperimentText(text, file, resolver);
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: { kind, systems: loaded.value.systems.length } }
      : { file, kind, problems: loaded.problems, warnings: [] };
  }
  if (kind === 'network') {
    const loaded = await loadNetworkText(text, file, resolver, fsReferenceReader({
      ...(options.layoutRoots ? { roots: options.layoutRoots } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
    }));
    return loaded.ok
      ? { file, kind, problems: [], warnings: loaded.warnings, value: {
        kind, sites: loaded.value.sites.length,
        recorded: loaded.value.sites.flatMap((s) => s.recorded ? [{ site: s.id, events: s.recorded.events, availability: s.recorded.kpis.availability, oee: s.recorded.kpis.oee }] : []),
        live: loaded.value.sites.flatMap((s) => s.live ? [{ site: s.id, url: s.live.url, topic: s.live.topic }] : []),
      } }
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
  const loaded = await loadPlantFile(text, file, resolver);
  return loaded.ok
    ? { file, kind: loaded.value.scenario ? 'scenario' : 'layout', problems: [], warnings: loaded.warnings, value: { kind: 'plant', plant: loaded.value } }
    : { file, kind, problems: loaded.problems, warnings: [] };
}
