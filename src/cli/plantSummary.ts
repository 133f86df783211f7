import type { Layout } from '../model/layoutSchema.ts';
import type { Plant } from '../model/load.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import { equipmentLoads, WORKLOAD_RULE, type EquipmentLoad } from '../model/workload.ts';

export interface LayoutSummary {
  file: string;
  id: string;
  name: string;
  site: { id: string; name: string };
  areas: { id: string; name: string; lines: { id: string; name: string; equipment: { id: string; type: string }[] }[] }[];
  equipmentCount: number;
  /** Most frequent type first. */
  byType: { type: string; count: number }[];
  /** Lengths in metres; an edge without a length counts the straight line between its nodes. */
  paths: { nodes: number; edges: number; conveyorEdges: number; length: number };
}

export interface ScenarioSummary {
  file: string;
  id: string;
  name: string;
  layoutFile: string;
  start: string;
  horizon: number;
  products: { count: number; families: { family: string; products: string[] }[] };
  orders: {
    count: number;
    quantity: number;
    release: { first: string; last: string } | null;
    due: { first: string; last: string } | null;
  };
  load: { rule: string; equipment: EquipmentLoad[] };
}

export interface PlantSummary { layout: LayoutSummary; scenario?: ScenarioSummary }

function layoutSummary(layout: Layout, file: string): LayoutSummary {
  const byType = new Map<string, number>();
  let equipmentCount = 0;
  const areas = layout.site.areas.map((area) => ({
    id: area.id,
    name: area.name,
    lines: area.lines.map((line) => ({
      id: line.id,
      name: line.name,
      equipment: line.cells.flatMap((cell) => cell.equipment.map((e) => {
        equipmentCount++;
        byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
        return { id: e.id, type: e.type };
      })),
    })),
  }));
  const nodes = new Map(layout.paths.nodes.map((n) => [n.id, n.position]));
  const length = layout.paths.edges.reduce((sum, edge) => {
    if (edge.length !== undefined) return sum + edge.length;
    const a = nodes.get(edge.from);
    const b = nodes.get(edge.to);
    return a && b ? sum + Math.hypot(a.x - b.x, a.y - b.y) : sum;
  }, 0);
  return {
    file,
    id: layout.id,
    name: layout.name,
    site: { id: layout.site.id, name: layout.site.name },
    areas,
    equipmentCount,
    byType: [...byType].map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    paths: {
      nodes: layout.paths.nodes.length,
      edges: layout.paths.edges.length,
      conveyorEdges: layout.paths.edges.filter((e) => e.kind === 'conveyor').length,
      length,
    },
  };
}

function range(isoTimes: string[]): { first: string; last: string } | null {
  if (isoTimes.length === 0) return null;
  const sorted = [...isoTimes].sort((a, b) => Date.parse(a) - Date.parse(b));
  return { first: sorted[0]!, last: sorted[sorted.length - 1]! };
}

function scenarioSummary(scenario: Scenario, file: string, layoutFile: string): ScenarioSummary {
  const families = new Map<string, string[]>();
  for (const p of scenario.products) families.set(p.family, [...(families.get(p.family) ?? []), p.id]);
  return {
    file,
    id: scenario.id,
    name: scenario.name,
    layoutFile,
    start: scenario.start,
    horizon: scenario.experiment.horizon,
    products: {
      count: scenario.products.length,
      families: [...families].map(([family, products]) => ({ family, products })),
    },
    orders: {
      count: scenario.orders.length,
      quantity: scenario.orders.reduce((sum, o) => sum + o.quantity, 0),
      release: range(scenario.orders.map((o) => o.release)),
      due: range(scenario.orders.map((o) => o.due)),
    },
    load: { rule: WORKLOAD_RULE, equipment: equipmentLoads(scenario) },
  };
}

export function plantSummary(plant: Plant): PlantSummary {
  const layout = layoutSummary(plant.layout, plant.layoutFile);
  return plant.scenario
    ? { layout, scenario: scenarioSummary(plant.scenario, plant.scenarioFile ?? '', plant.layoutFile) }
    : { layout };
}
