import type { SampleFiles } from './openPlant.ts';

export interface Sample { path: string; name: string; kind: 'scenario' | 'layout' }

/** The plant shown when the app starts. */
export const defaultSamplePath = 'scenarios/kitchen-hardware-week.json';

function declaredName(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Samples for the picker: scenarios first (each brings its layout), then layouts alone. */
export function sampleCatalogue(files: SampleFiles): Sample[] {
  const samples = [...files].map(([path, text]): Sample => ({
    path,
    name: declaredName(text) ?? path,
    kind: path.startsWith('scenarios/') ? 'scenario' : 'layout',
  }));
  return samples.sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'scenario' ? -1 : 1));
}

/** The default sample if it is bundled, else the first one, so the page never starts empty when it need not. */
export function startupSample(files: SampleFiles): string | undefined {
  return files.has(defaultSamplePath) ? defaultSamplePath : sampleCatalogue(files)[0]?.path;
}
