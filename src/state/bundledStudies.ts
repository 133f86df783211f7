import { bundledSamples } from './bundledSamples.ts';
import type { SampleFiles } from './openPlant.ts';

// Experiment and network files, bundled like the sample plants they refer to.
const experiments = import.meta.glob<string>('../../experiments/*.json', { query: '?raw', import: 'default', eager: true });
const networks = import.meta.glob<string>('../../networks/*.json', { query: '?raw', import: 'default', eager: true });

const byPath = (files: Record<string, string>): SampleFiles =>
  new Map(Object.entries(files).map(([key, text]) => [key.replace(/^(\.\.\/)+/, ''), text]));

export const bundledExperiments = byPath(experiments);
export const bundledNetworks = byPath(networks);

/** Every bundled file (plants, experiments, networks) by its repository path, for resolving references. */
export const bundledFiles: SampleFiles = new Map([...bundledSamples, ...bundledExperiments, ...bundledNetworks]);
