import { writeFile } from 'node:fs/promises';
import { loadRecordingMappingText, mappedColumns, matchRecording, type RecordingMatch } from '../live/recordingMapping.ts';
import { readRecording, type RecordingColumns } from '../live/recordingStream.ts';
import { layoutEquipmentIds } from '../live/snapshot.ts';
import type { StateColumns } from '../live/stateColumns.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { formatProblem, type Problem } from '../model/problem.ts';
import type { RecordingMapping } from '../model/recordingMappingSchema.ts';
import type { Output } from './command.ts';
import { openByteStream, readTextFile } from './fsResolver.ts';

/** The options both recording commands take, with their help lines. */
export const RECORDING_OPTIONS = {
  mapping: { type: 'string' },
  map: { type: 'string', multiple: true },
  devices: { type: 'string' },
  device: { type: 'string' },
} as const;

export const RECORDING_OPTION_HELP = {
  mapping: 'a mapping file (recorded device → layout equipment, docs/schemas/recording-mapping.schema.json)',
  map: 'DEVICE=EQUIPMENT, one device mapped by hand (repeatable; wins over --mapping)',
  devices: 'SHDR: the MTConnect Devices.xml that describes the device',
  device: 'SHDR: which device of Devices.xml (default: the first)',
};

/** `--map a=B --map c=D` as a record; a malformed entry is a usage error (returned as text). */
export function parseMapOptions(values: unknown): Record<string, string> | string {
  const entries = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const text = String(entry);
    const eq = text.lastIndexOf('=');
    if (eq <= 0 || eq === text.length - 1) return `--map must be DEVICE=EQUIPMENT, found "${text}"`;
    out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}

export interface MappedRecording {
  recording: RecordingColumns;
  match: RecordingMatch;
  /** The columns under the layout's ids (matched devices renamed). */
  columns: StateColumns;
}

/**
 * Reads a recording (streamed, any size the reader takes), the mapping file and `--map` entries,
 * and matches its devices to the layout. Problems are printed and undefined returned: an
 * unreadable recording, an incomplete read, or a mapping that cannot be used.
 */
export async function readMappedRecording(file: string, layout: Layout, values: Record<string, unknown>, output: Output): Promise<MappedRecording | undefined> {
  const byHand = parseMapOptions(values.map);
  if (typeof byHand === 'string') {
    output.err(byHand);
    return undefined;
  }
  let mapping: RecordingMapping | undefined;
  if (typeof values.mapping === 'string') {
    const read = await readTextFile(values.mapping);
    if ('problem' in read) return fail([read.problem], output);
    const loaded = loadRecordingMappingText(read.text, values.mapping);
    if (!loaded.ok) return fail(loaded.problems, output);
    mapping = loaded.value;
  }
  let devicesXml: string | undefined;
  if (typeof values.devices === 'string') {
    const read = await readTextFile(values.devices);
    if ('problem' in read) return fail([read.problem], output);
    devicesXml = read.text;
  }
  const opened = await openByteStream(file);
  if ('problem' in opened) return fail([opened.problem], output);
  const recording = await readRecording(opened.stream, {
    name: file,
    ...(devicesXml !== undefined ? { devicesXml } : {}),
    ...(typeof values.device === 'string' ? { device: values.device } : {}),
  });
  if (!recording.complete) return fail(recording.problems, output);
  if (recording.columns.length === 0) {
    return fail([{ file, path: '', expected: 'a recording with at least one state event', found: recording.badLines > 0 ? `only bad lines (${recording.badLines})` : 'no events' }], output);
  }
  const match = matchRecording(recording.columns.equipmentIds, layoutEquipmentIds(layout), { ...mapping?.equipment, ...byHand }, typeof values.mapping === 'string' ? values.mapping : '--map');
  for (const w of match.warnings) output.err(`warning: ${formatProblem(w)}`);
  if (match.problems.length > 0) return fail(match.problems, output);
  return { recording, match, columns: mappedColumns(recording.columns, match) };
}

function fail(problems: Problem[], output: Output): undefined {
  for (const p of problems) output.err(formatProblem(p));
  return undefined;
}

/** Lines saying which devices speak for which equipment, which are not in the layout, and what has no data. */
export function matchReport(file: string, match: RecordingMatch, layoutCount: number): string[] {
  const lines = [`${file}: ${match.matched.length + match.unmapped.length} recorded device${match.matched.length + match.unmapped.length === 1 ? '' : 's'}, ${match.matched.length} matched to the layout's ${layoutCount} pieces of equipment`];
  for (const m of match.matched) lines.push(`  ${m.recorded} → ${m.equipment}${m.by === 'same id' ? ' (same id)' : ' (mapped)'}`);
  for (const d of match.unmapped) lines.push(`  ${d} → not in the layout (map it with --map ${d}=EQUIPMENT)`);
  if (match.withoutData.length > 0) lines.push(`No recorded data for ${match.withoutData.length}: ${match.withoutData.join(', ')}`);
  return lines;
}

/** Writes a mapping file; false (with the problem printed) when it cannot be written. */
export async function writeMappingFile(file: string, mapping: RecordingMapping, output: Output): Promise<boolean> {
  try {
    await writeFile(file, `${JSON.stringify(mapping, null, 2)}\n`);
    return true;
  } catch (error) {
    output.err(formatProblem({ file, path: '', expected: 'a file the mapping can be written to', found: `an error (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint: 'check that the directory exists and is writable' }));
    return false;
  }
}
