import { EquipmentType, type Equipment, type Layout } from '../model/layoutSchema.ts';
import { PALETTE } from '../model/edits/palette.ts';

/** Metres between equipment centres; footprints are capped so neighbours and their nodes never meet. */
const PITCH = 7;
const MAX_WIDTH = 5.5;
const MAX_DEPTH = 4.5;
const HANDLING: ReadonlySet<string> = new Set(['conveyor', 'rack', 'buffer', 'agv-station']);

/**
 * A generated plant of `count` equipment for the render benchmark: every type in turn on a grid,
 * areas of 100, lines of 20, cells of 5; a pick-up node in front of each and aisles along the
 * rows joined at both ends, so it passes the loader like a drawn layout.
 */
export function generateBenchLayout(count: number): Layout {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count * 1.25)));
  const rows = Math.ceil(count / columns);
  const types = EquipmentType.options;
  const equipment: Equipment[] = [];
  const nodes: Layout['paths']['nodes'] = [];
  const edges: Layout['paths']['edges'] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const type = types[i % types.length]!;
    const { width, depth } = PALETTE[type].footprint;
    const e: Equipment = {
      id: `E${String(i + 1).padStart(4, '0')}`,
      name: `${PALETTE[type].label} ${i + 1}`,
      type,
      position: { x: 2 + PITCH / 2 + column * PITCH, y: 2 + PITCH / 2 + row * PITCH },
      footprint: { width: Math.min(width, MAX_WIDTH), depth: Math.min(depth, MAX_DEPTH) },
      rotation: 0,
      capabilities: [],
      ...(HANDLING.has(type) ? {} : { inputBuffer: 10 + (i % 4) * 5 }),
    };
    equipment.push(e);
    nodes.push({ id: `N${e.id}`, position: { x: e.position.x, y: e.position.y - MAX_DEPTH / 2 - 1 }, equipment: e.id });
    const along = column > 0 ? nodes[i - 1] : undefined;
    if (along) edges.push({ from: along.id, to: `N${e.id}`, kind: 'aisle', bidirectional: true });
    const below = row > 0 && (column === 0 || column === columns - 1 || i === count - 1) ? nodes[i - columns] : undefined;
    if (below) edges.push({ from: below.id, to: `N${e.id}`, kind: 'aisle', bidirectional: true });
  }
  const chunk = <T,>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, k) => list.slice(k * size, (k + 1) * size));
  const areas = chunk(equipment, 100).map((inArea, a) => ({
    id: `A${a + 1}`,
    name: `Area ${a + 1}`,
    lines: chunk(inArea, 20).map((inLine, l) => ({
      id: `A${a + 1}.L${l + 1}`,
      name: `Line ${l + 1}`,
      cells: chunk(inLine, 5).map((inCell, c) => ({ id: `A${a + 1}.L${l + 1}.C${c + 1}`, name: `Cell ${c + 1}`, equipment: inCell })),
    })),
  }));
  return {
    format: 'plant-twin/layout',
    version: 1,
    id: `bench-${count}`,
    name: `Generated plant, ${count} equipment`,
    floor: { width: columns * PITCH + 4, depth: rows * PITCH + 4 },
    site: { id: 'BENCH', name: 'Benchmark site', areas },
    paths: { nodes, edges },
  };
}
