import type { Plant } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import { matchRecording, loadRecordingMappingText, mappedColumns, type RecordingMatch } from '../live/recordingMapping.ts';
import { readRecordingText, type RecordingFormat } from '../live/recordingStream.ts';
import { layoutEquipmentIds } from '../live/snapshot.ts';
import type { StateColumns } from '../live/stateColumns.ts';
import { stateKpis, type KpiResult } from '../live/stateTimeline.ts';
import type { FileResolver } from './loadExperiment.ts';
import type { Site } from './networkSchema.ts';
import type { z } from 'zod';

/** A site's recorded figures: the recording's equipment under the layout's ids, over the recording's span. */
export interface RecordedSite {
  /** The recording file, resolved. */
  file: string;
  format: RecordingFormat;
  events: number;
  matched: RecordingMatch['matched'];
  /** Recorded devices the layout does not have (mapped nowhere): left out of the figures. */
  unmapped: string[];
  /** Time in state, Pareto and OEE by the one KPI code (stateKpis), from the first to the last event of the matched equipment. */
  kpis: KpiResult;
}

type SiteSpec = z.infer<typeof Site>;

/** The rows of the given equipment only, so a plant-wide figure is not swelled by devices that are not the site's. */
function onlyEquipment(c: StateColumns, ids: ReadonlySet<string>): StateColumns {
  const keep: number[] = [];
  for (let i = 0; i < c.length; i++) if (ids.has(c.equipmentIds[c.equipment[i]!]!)) keep.push(i);
  const kept = c.equipmentIds.filter((id) => ids.has(id));
  if (kept.length === c.equipmentIds.length) return c;
  const index = new Map(kept.map((id, k) => [id, k]));
  const pick = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array>(a: T, make: new (n: number) => T): T => {
    const out = new make(keep.length);
    keep.forEach((row, j) => { out[j] = a[row]!; });
    return out;
  };
  return {
    ...c, length: keep.length, equipmentIds: kept,
    time: pick(c.time, Float64Array), equipment: Uint16Array.from(keep, (row) => index.get(c.equipmentIds[c.equipment[row]!]!)!), state: pick(c.state, Uint8Array),
    reason: pick(c.reason, Int32Array), order: pick(c.order, Int32Array), operation: pick(c.operation, Int32Array),
    good: pick(c.good, Float64Array), scrap: pick(c.scrap, Float64Array),
  };
}

/**
 * Reads a site's recording (and its mapping file, if any) through the network's resolver and sums
 * it with stateKpis, the code the live and recorded twin use. Every fault is a problem at the
 * site's key: a missing file, bad lines, a mapping naming equipment the layout lacks, or a
 * recording none of whose devices speaks for the site's equipment.
 */
export async function recordedSite(s: SiteSpec, i: number, plant: Plant, file: string, read_: FileResolver): Promise<{ value?: RecordedSite; problems: Problem[] }> {
  const at = (key: string) => `sites[${i}].${key}`;
  // A resolver may refuse a path (outside the allowed folders, not a regular file): that is the file's problem, not a crash.
  const refused: Problem[] = [];
  const resolve: FileResolver = async (ref, from) => {
    try {
      return await read_(ref, from);
    } catch (error) {
      refused.push({ file, path: at(ref === s.recording ? 'recording' : 'recordingMapping'), expected: 'a file this network may read', found: `${renderFound(ref)}: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  };
  const ref = s.recording!;
  const read = await resolve(ref, file);
  if (!read && refused.length > 0) return { problems: refused };
  if (!read) return { problems: [{ file, path: at('recording'), expected: 'the path of a machine-state recording (.csv, .jsonl, .shdr), relative to this file', found: `${renderFound(ref)}, but there is no such file` }] };
  const recording = readRecordingText(read.text, { name: read.file });
  const site = (p: Problem): Problem => ({ ...p, file, path: `${at('recording')} (site "${s.id}"), ${p.file}${p.path ? `: ${p.path}` : ''}` });
  if (recording.problems.length > 0 || !recording.complete) return { problems: recording.problems.map(site) };
  if (recording.events === 0) return { problems: [{ file, path: at('recording'), expected: 'a recording with at least one machine-state event', found: `${read.file}: no events` }] };

  let mapping: Record<string, string> = {};
  let mappingFile = 'mapping';
  if (s.recordingMapping) {
    const m = await resolve(s.recordingMapping, file);
    if (!m && refused.length > 0) return { problems: refused };
    if (!m) return { problems: [{ file, path: at('recordingMapping'), expected: 'the path of a recording mapping file, relative to this file', found: `${renderFound(s.recordingMapping)}, but there is no such file` }] };
    const loaded = loadRecordingMappingText(m.text, m.file);
    if (!loaded.ok) return { problems: loaded.problems.map((p) => ({ ...p, file, path: `${at('recordingMapping')} (site "${s.id}"), ${p.file}${p.path ? `: ${p.path}` : ''}` })) };
    mapping = loaded.value.equipment;
    mappingFile = m.file;
  }
  const match = matchRecording(recording.columns.equipmentIds, layoutEquipmentIds(plant.layout), mapping, mappingFile);
  if (match.problems.length > 0) return { problems: match.problems.map((p) => ({ ...p, file, path: `${at('recordingMapping')} (site "${s.id}"), ${p.file}: ${p.path}` })) };
  if (match.matched.length === 0) {
    return { problems: [{
      file, path: at('recording'), expected: 'a recording of equipment of this site\'s layout',
      found: `devices ${recording.columns.equipmentIds.slice(0, 5).join(', ')}, none of them in the layout`,
      hint: 'name them with "recordingMapping" (a recording mapping file: device id → equipment id)',
    }] };
  }
  const ideal = s.idealCycleSeconds;
  const columns = onlyEquipment(mappedColumns(recording.columns, match), new Set(match.matched.map((m) => m.equipment)));
  let t0 = Infinity;
  let t1 = -Infinity;
  for (let k = 0; k < columns.length; k++) {
    t0 = Math.min(t0, columns.time[k]!);
    t1 = Math.max(t1, columns.time[k]!);
  }
  const idealCycleMs = ideal === undefined ? undefined
    : typeof ideal === 'number' ? ideal * 1000 : Object.fromEntries(Object.entries(ideal).map(([k, v]) => [k, v * 1000]));
  const kpis = stateKpis(columns, { t0, t1, ...(idealCycleMs !== undefined ? { idealCycleMs } : {}) });
  return {
    problems: [],
    value: { file: read.file, format: recording.format, events: recording.events, matched: match.matched, unmapped: match.unmapped, kpis },
  };
}
