import type { Layout } from '../model/layoutSchema.ts';
import type { ScenarioInput } from '../model/scenarioSchema.ts';
import type { PlantDocs } from './equipmentEdits.ts';

/** A scenario kept in the planner's library, with the layout it runs on (each entry has its own). */
export interface LibraryEntry extends PlantDocs {
  /** The scenario's id, unique in the library; its files are named after it. */
  id: string;
  name: string;
  /** What it was cloned from (a scenario file or another entry), for the planner's memory. */
  from: string;
  savedAt: string;
}

export interface TextFile {
  name: string;
  text: string;
}

/** The most scenarios an experiment compares side by side (MAX_ALTERNATIVES of the experiment format). */
export const MAX_COMPARED = 8;

const ID_LENGTH = 60;

/** A file-format id from a name: "Booths 15 % faster" → "booths-15-faster". */
export function idFromName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, ID_LENGTH).replace(/-+$/, '');
  return slug || 'scenario';
}

/** `id`, or `id-2`, `id-3`… : the first not taken. */
export function unusedId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

export const scenarioFileName = (id: string) => `${id}.json`;
export const layoutFileName = (id: string) => `${id}.layout.json`;

/**
 * A library entry as the two files the CLI reads: `<id>.json`, the scenario, naming its layout
 * `<id>.layout.json` beside it. The scenario's own id and name are the entry's, so results name
 * it as the library does. `plant-twin validate <id>.json` checks both.
 */
export function entryFiles(entry: Pick<LibraryEntry, 'id' | 'name' | 'scenario' | 'layout'>): { scenario: TextFile; layout: TextFile } {
  const scenario: ScenarioInput = { ...entry.scenario, id: entry.id, name: entry.name, layout: layoutFileName(entry.id) };
  return {
    scenario: { name: scenarioFileName(entry.id), text: `${JSON.stringify(scenario, null, 2)}\n` },
    layout: { name: layoutFileName(entry.id), text: `${JSON.stringify(entry.layout, null, 2)}\n` },
  };
}

/** A new entry from documents on screen or in the library, under a name, with an id no other entry has. */
export function newEntry(docs: PlantDocs, name: string, from: string, taken: ReadonlySet<string>, now: Date): LibraryEntry {
  const id = unusedId(idFromName(name), taken);
  return { id, name, from, savedAt: now.toISOString(), scenario: structuredClone({ ...docs.scenario, id, name }), layout: structuredClone(docs.layout) as Layout };
}

/**
 * An experiment comparing library entries side by side, as a file the CLI runs with the entries'
 * files beside it: the first entry is the base, each is an alternative by its scenario file, all
 * on the first one's seed (common random numbers) and the given replications.
 */
export function comparisonExperiment(entries: readonly Pick<LibraryEntry, 'id' | 'name'>[], replications: number): TextFile {
  const experiment = {
    format: 'plant-twin/experiment',
    version: 1,
    id: 'library-comparison',
    name: `Library: ${entries.map((e) => e.name).join(' vs ')}`,
    description: 'Scenarios of the planner\'s library compared side by side on common random numbers.',
    base: scenarioFileName(entries[0]!.id),
    replications,
    alternatives: entries.map((e) => ({ id: e.id, name: e.name, scenario: scenarioFileName(e.id) })),
  };
  return { name: 'library-comparison.json', text: `${JSON.stringify(experiment, null, 2)}\n` };
}
