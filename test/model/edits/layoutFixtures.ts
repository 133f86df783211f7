import { readFileSync } from 'node:fs';
import { loadLayoutText } from '../../../src/model/load.ts';
import type { Layout } from '../../../src/model/layoutSchema.ts';

export function loadLayout(text: string, file: string): Layout {
  const loaded = loadLayoutText(text, file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

export function sampleLayout(name: string): Layout {
  return loadLayout(readFileSync(new URL(`../../../layouts/${name}`, import.meta.url), 'utf8'), `layouts/${name}`);
}

/**
 * Two machines 10 m apart, each with its node 2 m in front (south); the edge between the nodes
 * is given as 15 m (a detour of 1.5 × the straight line).
 */
export function twoMachines(): Layout {
  return loadLayout(JSON.stringify({
    format: 'plant-twin/layout', version: 1, id: 'two', name: 'Two machines', floor: { width: 30, depth: 20 },
    site: { id: 's', name: 'Site', areas: [{ id: 'a', name: 'Area', lines: [{ id: 'l', name: 'Line', cells: [
      { id: 'c1', name: 'Cell 1', equipment: [
        { id: 'mill', name: 'Mill', type: 'machining-center', position: { x: 5, y: 10 }, footprint: { width: 4, depth: 2 }, inputBuffer: 8 },
      ] },
      { id: 'c2', name: 'Cell 2', equipment: [
        { id: 'press', name: 'Press', type: 'press', position: { x: 15, y: 10 }, footprint: { width: 2, depth: 2 } },
      ] },
    ] }] }] },
    paths: {
      nodes: [
        { id: 'n-mill', position: { x: 5, y: 8 }, equipment: 'mill' },
        { id: 'n-press', position: { x: 15, y: 8 }, equipment: 'press' },
      ],
      edges: [{ from: 'n-mill', to: 'n-press', length: 15 }],
    },
  }), 'two.json');
}
