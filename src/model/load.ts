import { closest } from './closest.ts';
import { Findings } from './findings.ts';
import { parseJsonText } from './jsonText.ts';
import { checkLayout } from './layoutChecks.ts';
import { indexLayout } from './layoutIndex.ts';
import { Layout } from './layoutSchema.ts';
import type { Loaded, Problem } from './problem.ts';
import { renderFound } from './render.ts';
import { checkScenario } from './scenarioChecks.ts';
import { Scenario } from './scenarioSchema.ts';
import { salvage, salvagedProblems } from './salvage.ts';
import { zodProblems } from './zodProblems.ts';

export { loadDispatchListText } from './loadDispatchList.ts';
export { loadScheduleText } from './loadSchedule.ts';
export { parseStateCsv } from './stateCsv.ts';
export { parseStateJsonLines } from './stateJsonLines.ts';

/** A loaded plant: a layout, and the scenario on it when a scenario was opened. */
export type Plant = { layout: Layout; layoutFile: string; scenario?: Scenario; scenarioFile?: string };

/** Resolves a scenario's `layout` reference (path relative to the scenario file). */
export type LayoutResolver = (ref: string, fromFile: string) => Promise<{ text: string; file: string } | undefined>;

const LAYOUT_FORMAT = 'plant-twin/layout';
const SCENARIO_FORMAT = 'plant-twin/scenario';
const OTHER_FORMATS: Record<string, string> = {
  'plant-twin/schedule': 'a schedule',
  'plant-twin/dispatch': 'a dispatch list',
};

function validateLayout(data: unknown, file: string): Loaded<Layout> {
  const parsed = Layout.safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, data, Layout, file);
    const rest = salvage(Layout, data, parsed.error.issues);
    if (rest) {
      const f = new Findings(file);
      checkLayout(rest.value, f);
      problems.push(...salvagedProblems(f.errors, rest));
    }
    return { ok: false, problems };
  }
  const f = new Findings(file);
  checkLayout(parsed.data, f);
  return f.result(parsed.data);
}

export function loadLayoutText(text: string, file: string): Loaded<Layout> {
  const json = parseJsonText(text, file);
  return json.ok ? validateLayout(json.value, file) : json;
}

/** Where a relative reference points from a file, for messages: `scenarios/a.json` + `../layouts/b.json` → `layouts/b.json`. */
export function resolveRelative(ref: string, fromFile: string): string {
  if (ref.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) return ref;
  const slash = fromFile.lastIndexOf('/');
  const parts = slash < 0 ? [] : fromFile.slice(0, slash).split('/');
  for (const part of ref.split('/')) {
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else if (part === '..') parts.push('..');
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

type LayoutLoad = { layout?: Layout; file?: string; problems: Problem[]; warnings: Problem[] };

async function loadReferencedLayout(ref: string, file: string, resolveLayout: LayoutResolver): Promise<LayoutLoad> {
  const tried = resolveRelative(ref, file);
  let resolved: { text: string; file: string } | undefined;
  try {
    resolved = await resolveLayout(ref, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ file, path: 'layout', expected: 'a layout file that can be read', found: `${JSON.stringify(ref)} (${tried}): ${reason}` }], warnings: [] };
  }
  if (!resolved) {
    return {
      problems: [{ file, path: 'layout', expected: 'the path of a layout file, relative to this scenario', found: `${JSON.stringify(ref)}, but there is no file ${tried}`,
        hint: 'check the path; it is relative to the scenario file, e.g. "../layouts/plant.json"' }],
      warnings: [],
    };
  }
  // A reference may point anywhere the resolver allows: until the file says it is a layout,
  // problems name the place in it but never show its contents (no token, no value).
  const declared = resolved.text.includes(`"${LAYOUT_FORMAT}"`);
  const json = parseJsonText(resolved.text, resolved.file);
  if (!json.ok) {
    if (declared) return { problems: json.problems, warnings: [] };
    const where = json.problems[0]?.path.startsWith('line ') ? json.problems[0].path : undefined;
    return { problems: [{ file, path: 'layout', expected: `the path of a layout file (JSON with "format": "${LAYOUT_FORMAT}")`,
      found: `${JSON.stringify(ref)} (${tried}), which is not a valid layout file${where ? ` (${where})` : ''}` }], warnings: [] };
  }
  const format = (json.value as { format?: unknown } | null)?.format;
  if (format === SCENARIO_FORMAT) {
    return { problems: [{ file, path: 'layout', expected: 'the path of a layout file', found: `${JSON.stringify(ref)}, which is a scenario`, hint: 'point "layout" at a file with "format": "plant-twin/layout"' }], warnings: [] };
  }
  if (format !== LAYOUT_FORMAT) {
    return { problems: [{ file, path: 'layout', expected: `the path of a layout file (JSON with "format": "${LAYOUT_FORMAT}")`,
      found: `${JSON.stringify(ref)} (${tried}), a JSON file that is not a layout` }], warnings: [] };
  }
  const loaded = validateLayout(json.value, resolved.file);
  return loaded.ok
    ? { layout: loaded.value, file: resolved.file, problems: [], warnings: loaded.warnings }
    : { problems: loaded.problems, warnings: [] };
}

async function validateScenario(data: unknown, file: string, resolveLayout: LayoutResolver): Promise<Loaded<Plant>> {
  const parsed = Scenario.safeParse(data);
  const ref = parsed.success ? parsed.data.layout : (data as { layout?: unknown } | null)?.layout;
  const layout = typeof ref === 'string' && ref !== '' ? await loadReferencedLayout(ref, file, resolveLayout) : undefined;
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, data, Scenario, file);
    const rest = salvage(Scenario, data, parsed.error.issues);
    if (rest) {
      const f = new Findings(file);
      checkScenario(rest.value, layout?.layout ? indexLayout(layout.layout) : undefined, f);
      problems.push(...salvagedProblems(f.errors, rest));
    }
    return { ok: false, problems: [...problems, ...(layout?.problems ?? [])] };
  }
  const f = new Findings(file);
  checkScenario(parsed.data, layout?.layout ? indexLayout(layout.layout) : undefined, f);
  const problems = [...f.errors, ...(layout?.problems ?? [])];
  if (problems.length || !layout?.layout || !layout.file) return { ok: false, problems };
  return {
    ok: true,
    value: { layout: layout.layout, layoutFile: layout.file, scenario: parsed.data, scenarioFile: file },
    warnings: [...f.warnings, ...layout.warnings],
  };
}

export async function loadScenarioText(text: string, file: string, resolveLayout: LayoutResolver): Promise<Loaded<Plant>> {
  const json = parseJsonText(text, file);
  return json.ok ? validateScenario(json.value, file, resolveLayout) : json;
}

/** Detects the kind by the top-level "format" field ("plant-twin/layout" | "plant-twin/scenario"); other formats → a problem naming the supported ones. */
export async function loadPlantFile(text: string, file: string, resolveLayout: LayoutResolver): Promise<Loaded<Plant>> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const data = json.value;
  const expected = `"${LAYOUT_FORMAT}" or "${SCENARIO_FORMAT}"`;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ file, path: '', expected: `a JSON object with "format": ${expected}`, found: renderFound(data) }] };
  }
  const format = (data as { format?: unknown }).format;
  if (format === LAYOUT_FORMAT) {
    const layout = validateLayout(data, file);
    return layout.ok ? { ok: true, value: { layout: layout.value, layoutFile: file }, warnings: layout.warnings } : layout;
  }
  if (format === SCENARIO_FORMAT) return validateScenario(data, file, resolveLayout);
  const other = typeof format === 'string' ? OTHER_FORMATS[format] : undefined;
  const guess = typeof format === 'string' ? closest(format, [LAYOUT_FORMAT, SCENARIO_FORMAT]) : undefined;
  let hint = `a plant file starts with "format": "${LAYOUT_FORMAT}" or "${SCENARIO_FORMAT}"`;
  if (other) hint = `this is ${other}, not a plant; open a layout or a scenario`;
  else if (guess) hint = `did you mean '${guess}'?`;
  return { ok: false, problems: [{ file, path: 'format', expected, found: renderFound(format), hint }] };
}
