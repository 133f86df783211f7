import { readdirSync, readFileSync } from 'node:fs';

export interface SampleEquipment { id: string }
export interface SampleLayout {
  id: string;
  name: string;
  site: { areas: { lines: { cells: { equipment: SampleEquipment[] }[] }[] }[] };
}

export function readRepoFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

export function readLayout(path: string): SampleLayout {
  return JSON.parse(readRepoFile(path)) as SampleLayout;
}

export function equipmentIds(layout: SampleLayout): string[] {
  return layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => e.id))));
}

/** The bundled scenario whose layout reference names the given layout file. */
export function scenarioFor(layoutFile: string): string {
  const found = readdirSync(new URL('../../scenarios/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .find((f) => (JSON.parse(readRepoFile(`scenarios/${f}`)) as { layout?: string }).layout?.endsWith(`/${layoutFile}`));
  if (!found) throw new Error(`no scenario in scenarios/ references ${layoutFile}`);
  return `scenarios/${found}`;
}
