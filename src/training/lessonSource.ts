import { Findings } from '../model/findings.ts';
import { loadLayoutText, loadScenarioText, resolveRelative, type LayoutResolver, type Plant } from '../model/load.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import type { RecordingColumns, RecordingReadOptions } from '../live/recordingStream.ts';
import type { StateColumns } from '../live/stateColumns.ts';
import { checkLessonOnPlant, checkLessonOnRecording } from './lessonSourceChecks.ts';
import type { Lesson } from './lessonSchema.ts';
import { validateLesson } from './loadLesson.ts';
import { parseJsonText } from '../model/jsonText.ts';
import { RecordingLessonSession } from './recordingSession.ts';
import { ScenarioLessonSession } from './scenarioSession.ts';
import type { LessonPlay } from './sessionTypes.ts';

/** What a lesson runs on, loaded. */
export type LessonSource =
  | { kind: 'scenario'; plant: Plant }
  | { kind: 'recording'; columns: StateColumns; file: string; layout?: { layout: Plant['layout']; file: string } };

/** How a lesson's referenced files are read: text files (scenario, layout, Devices.xml), and recordings as columns. */
export interface LessonFiles {
  text: LayoutResolver;
  /** Reads a recording; undefined when there is no such file. */
  recording(ref: string, fromFile: string, options: Omit<RecordingReadOptions, 'name'>): Promise<RecordingColumns | undefined>;
}

function missing(file: string, path: string, ref: string, what: string): Problem {
  return { file, path, expected: `the path of ${what}, relative to this lesson`, found: `${JSON.stringify(ref)}, but there is no file ${resolveRelative(ref, file)}` };
}

/** A reference the reader refused to follow (outside the lesson's folder tree, not a regular file, unreadable). */
class Refused {
  constructor(readonly reason: string) {}

  problem(file: string, path: string, ref: string): Problem {
    return { file, path, expected: 'a file that can be read', found: `${JSON.stringify(ref)} (${resolveRelative(ref, file)}): ${this.reason}` };
  }
}

async function follow<T>(read: () => Promise<T | undefined>): Promise<T | undefined | Refused> {
  try {
    return await read();
  } catch (error) {
    return new Refused(error instanceof Error ? error.message : String(error));
  }
}

/** Loads what a lesson runs on and checks the lesson against it; the problems of the referenced files are reported too. */
export async function loadLessonSource(lesson: Lesson, file: string, files: LessonFiles): Promise<Loaded<LessonSource>> {
  const source = lesson.source;
  if (source.kind === 'scenario') {
    const read = await follow(() => files.text(source.scenario, file));
    if (read instanceof Refused) return { ok: false, problems: [read.problem(file, 'source.scenario', source.scenario)] };
    if (!read) return { ok: false, problems: [missing(file, 'source.scenario', source.scenario, 'a scenario')] };
    const loaded = await loadScenarioText(read.text, read.file, files.text);
    if (!loaded.ok) return loaded;
    if (!loaded.value.scenario) return { ok: false, problems: [{ file, path: 'source.scenario', expected: 'a scenario', found: `${read.file}, a layout` }] };
    const f = new Findings(file);
    checkLessonOnPlant(lesson, loaded.value, f);
    return f.errors.length ? { ok: false, problems: f.errors } : { ok: true, value: { kind: 'scenario', plant: loaded.value }, warnings: [...loaded.warnings, ...f.warnings] };
  }
  const problems: Problem[] = [];
  let devicesXml: string | undefined;
  if (source.devices !== undefined) {
    const devices = await follow(() => files.text(source.devices!, file));
    if (devices instanceof Refused) problems.push(devices.problem(file, 'source.devices', source.devices));
    else if (!devices) problems.push(missing(file, 'source.devices', source.devices, 'an MTConnect Devices.xml'));
    else devicesXml = devices.text;
  }
  const read = await follow(() => files.recording(source.recording, file, {
    ...(devicesXml !== undefined ? { devicesXml } : {}), ...(source.device ? { device: source.device } : {}), ...(source.equipment ? { equipment: source.equipment } : {}),
  }));
  if (read instanceof Refused) return { ok: false, problems: [...problems, read.problem(file, 'source.recording', source.recording)] };
  if (!read) return { ok: false, problems: [...problems, missing(file, 'source.recording', source.recording, 'a recording')] };
  if (!read.complete) return { ok: false, problems: [...problems, ...read.problems] };
  if (read.columns.length === 0) problems.push({ file, path: 'source.recording', expected: 'a recording with machine states', found: 'no state events' });
  let layout: { layout: Plant['layout']; file: string } | undefined;
  if (source.layout !== undefined) {
    const text = await follow(() => files.text(source.layout!, file));
    if (text instanceof Refused) problems.push(text.problem(file, 'source.layout', source.layout));
    else if (!text) problems.push(missing(file, 'source.layout', source.layout, 'a layout'));
    else {
      const loaded = loadLayoutText(text.text, text.file);
      if (!loaded.ok) problems.push(...loaded.problems);
      else layout = { layout: loaded.value, file: text.file };
    }
  }
  if (problems.length) return { ok: false, problems };
  const c = read.columns;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < c.length; i++) {
    first = Math.min(first, c.time[i]!);
    last = Math.max(last, c.time[i]!);
  }
  const f = new Findings(file);
  checkLessonOnRecording(lesson, { equipment: c.equipmentIds, first, last }, f);
  if (layout) {
    const ids = new Set(layout.layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((cell) => cell.equipment.map((e) => e.id)))));
    for (const id of c.equipmentIds) {
      if (!ids.has(id)) f.error('source.equipment', `the id in ${layout.file} of the recorded equipment`, JSON.stringify(id), 'set "equipment" to the twin\'s id of the recorded device');
    }
  }
  return f.errors.length ? { ok: false, problems: f.errors } : { ok: true, value: { kind: 'recording', columns: c, file: resolveRelative(source.recording, file), ...(layout ? { layout } : {}) }, warnings: f.warnings };
}

/** A lesson file read and checked with what it runs on. */
export async function loadLessonFile(text: string, file: string, files: LessonFiles): Promise<Loaded<{ lesson: Lesson; source: LessonSource }>> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const lesson = validateLesson(json.value, file);
  if (!lesson.ok) return lesson;
  const source = await loadLessonSource(lesson.value, file, files);
  if (!source.ok) return source;
  return { ok: true, value: { lesson: lesson.value, source: source.value }, warnings: [...lesson.warnings, ...source.warnings] };
}

export function playLesson(lesson: Lesson, source: LessonSource): LessonPlay {
  return source.kind === 'scenario' ? new ScenarioLessonSession(lesson, source.plant) : new RecordingLessonSession(lesson, source.columns);
}
