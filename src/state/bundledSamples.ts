import type { SampleFiles } from './openPlant.ts';

// Bundled at build time so the app has plants to show with no server behind it.
const layouts = import.meta.glob<string>('../../layouts/*.json', { query: '?raw', import: 'default', eager: true });
const scenarios = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true });

/** Sample files keyed by their path in the repository, as the CLI would name them. */
export const bundledSamples: SampleFiles = new Map(
  Object.entries({ ...layouts, ...scenarios }).map(([key, text]) => [key.replace(/^(\.\.\/)+/, ''), text]),
);
