import { parseJsonText } from '../model/jsonText.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import { RecordingMapping } from '../model/recordingMappingSchema.ts';
import { zodProblems } from '../model/zodProblems.ts';
import type { Observed } from './snapshot.ts';
import type { StateColumns } from './stateColumns.ts';

/** How a recorded device came to speak for layout equipment. */
export type MatchedBy = 'same id' | 'mapping';

export interface RecordingMatch {
  /** Recorded device → layout equipment, in the recording's order. */
  matched: { recorded: string; equipment: string; by: MatchedBy }[];
  /** Recorded devices neither in the layout nor mapped: their data is not shown. */
  unmapped: string[];
  /** Layout equipment no recorded device speaks for. */
  withoutData: string[];
  /** Mapping entries that cannot be used: the mapping is refused while there are any. */
  problems: Problem[];
  /** Mapping entries for devices this recording does not have (a mapping made for another file). */
  warnings: Problem[];
}

/** `equipment.okuma`, or `equipment["OKUMA.123456"]` when the key is not a plain name. */
function keyPath(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `equipment.${key}` : `equipment[${JSON.stringify(key)}]`;
}

/** A mapping file: its schema, one problem per fault (file, JSON path, expected, found). */
export function loadRecordingMappingText(text: string, file: string): Loaded<RecordingMapping> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const parsed = RecordingMapping.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, RecordingMapping, file) };
  return { ok: true, value: parsed.data, warnings: [] };
}

/**
 * Which recorded devices speak for which layout equipment: a device whose id is a layout id
 * matches it, unless the mapping sends it elsewhere; the mapping names the rest. A mapping entry
 * naming equipment the layout lacks, or giving one piece of equipment two devices, is a problem.
 */
export function matchRecording(
  recordedIds: readonly string[],
  layoutIds: readonly string[],
  mapping: Readonly<Record<string, string>> = {},
  file = 'mapping',
): RecordingMatch {
  const layout = new Set(layoutIds);
  const recorded = new Set(recordedIds);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const [device, equipment] of Object.entries(mapping)) {
    if (!layout.has(equipment)) {
      problems.push({ file, path: keyPath(device), expected: 'the id of equipment in the layout', found: JSON.stringify(equipment) });
    }
    if (!recorded.has(device)) {
      warnings.push({ file, path: keyPath(device), expected: 'a device of this recording', found: JSON.stringify(device), hint: `the recording has ${recordedIds.length === 0 ? 'no devices' : recordedIds.slice(0, 5).join(', ')}` });
    }
  }
  const matched: RecordingMatch['matched'] = [];
  const unmapped: string[] = [];
  const speaker = new Map<string, string>();
  for (const device of recordedIds) {
    const target = Object.hasOwn(mapping, device) ? mapping[device]! : device;
    if (!layout.has(target)) {
      if (!Object.hasOwn(mapping, device)) unmapped.push(device);
      continue;
    }
    const earlier = speaker.get(target);
    if (earlier !== undefined) {
      problems.push({ file, path: keyPath(Object.hasOwn(mapping, device) ? device : earlier), expected: `one device for equipment ${target}`, found: `both ${JSON.stringify(earlier)} and ${JSON.stringify(device)}`, hint: 'map one of them to other equipment, or leave it out' });
      continue;
    }
    speaker.set(target, device);
    matched.push({ recorded: device, equipment: target, by: target === device ? 'same id' : 'mapping' });
  }
  const withoutData = layoutIds.filter((id) => !speaker.has(id));
  return { matched, unmapped, withoutData, problems, warnings };
}

/**
 * The recording's columns under the layout's ids: matched devices renamed, the rest left as they
 * are (so they stay out of the layout). Only the id list changes; the typed arrays are shared.
 */
export function mappedColumns(columns: StateColumns, match: RecordingMatch): StateColumns {
  if (match.problems.length > 0) throw new Error('mappedColumns: the mapping has problems; show them instead');
  const to = new Map(match.matched.map((m) => [m.recorded, m.equipment]));
  return { ...columns, equipmentIds: columns.equipmentIds.map((id) => to.get(id) ?? id) };
}

/** The mapping file for a match: only the entries that rename a device. */
export function mappingOf(match: RecordingMatch, recording?: string): RecordingMapping {
  const equipment = Object.fromEntries(match.matched.filter((m) => m.by === 'mapping').map((m) => [m.recorded, m.equipment]));
  return { ...(recording !== undefined ? { recording } : {}), equipment };
}

export interface Coverage {
  ok: boolean;
  /** Layout equipment with an observed state (not unknown) at the snapshot's time. */
  withData: string[];
  /** Layout equipment without one: it starts as the scenario says (idle, empty). */
  withoutData: string[];
  /** Why a run from these observations is refused, when it is. */
  reason?: string;
}

function someOf(ids: readonly string[], n = 5): string {
  return ids.length <= n ? ids.join(', ') : `${ids.slice(0, n).join(', ')} and ${ids.length - n} more`;
}

/**
 * Whether enough of the plant was observed to simulate from it: at least `minimum` pieces of layout
 * equipment with a known state at the snapshot's time (`at`, for the message). Below it the run is
 * refused, with the reason; `unmapped` (recorded devices not in the layout) explains the usual one.
 */
export function observedCoverage(layoutIds: readonly string[], observed: readonly Observed[], at: string, minimum = 1, unmapped: readonly string[] = []): Coverage {
  const seen = new Set(observed.filter((o) => o.state !== 'unknown').map((o) => o.id));
  const withData = layoutIds.filter((id) => seen.has(id));
  const withoutData = layoutIds.filter((id) => !seen.has(id));
  const needed = Math.max(1, Math.min(minimum, layoutIds.length));
  if (withData.length >= needed) return { ok: true, withData, withoutData };
  let reason: string;
  if (withData.length === 0 && unmapped.length > 0) {
    reason = `no equipment of the layout has recorded data: the recording's device${unmapped.length === 1 ? '' : 's'} ${someOf(unmapped)} ${unmapped.length === 1 ? 'is' : 'are'} not in the layout; map ${unmapped.length === 1 ? 'it' : 'them'} to equipment first`;
  } else if (withData.length === 0) {
    reason = `no equipment of the layout has a known state at ${at}`;
  } else {
    reason = `only ${withData.length} of ${layoutIds.length} pieces of equipment have a known state at ${at}; at least ${needed} are needed`;
  }
  return { ok: false, withData, withoutData, reason };
}
