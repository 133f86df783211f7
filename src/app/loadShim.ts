// TEMPORARY stand-in for src/model/load.ts (same contract) until that file lands.
import type { z } from 'zod';
import { Layout } from '../model/layoutSchema.ts';
import { Scenario } from '../model/scenarioSchema.ts';
import type { Loaded, Problem } from '../model/problem.ts';

export type Plant = { layout: Layout; layoutFile: string; scenario?: Scenario; scenarioFile?: string };
export type LayoutResolver = (ref: string, fromFile: string) => Promise<{ text: string; file: string } | undefined>;

function issues(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), expected: i.message, found: i.code }));
}

function parse(text: string, file: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try { return { ok: true, value: JSON.parse(text) }; }
  catch (e) { return { ok: false, problems: [{ file, path: '', expected: 'JSON', found: String(e) }] }; }
}

export function loadLayoutText(text: string, file: string): Loaded<Layout> {
  const json = parse(text, file);
  if (!json.ok) return json;
  const r = Layout.safeParse(json.value);
  return r.success ? { ok: true, value: r.data, warnings: [] } : { ok: false, problems: issues(file, r.error) };
}

export async function loadPlantFile(text: string, file: string, resolveLayout: LayoutResolver): Promise<Loaded<Plant>> {
  const json = parse(text, file);
  if (!json.ok) return json;
  const format = (json.value as { format?: unknown }).format;
  if (format === 'plant-twin/layout') {
    const l = loadLayoutText(text, file);
    return l.ok ? { ok: true, value: { layout: l.value, layoutFile: file }, warnings: [] } : l;
  }
  const r = Scenario.safeParse(json.value);
  if (!r.success) return { ok: false, problems: issues(file, r.error) };
  const ref = await resolveLayout(r.data.layout, file);
  if (!ref) return { ok: false, problems: [{ file, path: 'layout', expected: 'a layout file', found: r.data.layout }] };
  const l = loadLayoutText(ref.text, ref.file);
  if (!l.ok) return l;
  return { ok: true, value: { layout: l.value, layoutFile: ref.file, scenario: r.data, scenarioFile: file }, warnings: [] };
}
