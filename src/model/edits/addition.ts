import { bounds } from '../footprint.ts';
import type { Equipment, EquipmentType, Layout } from '../layoutSchema.ts';
import { equipmentRect } from '../layoutIndex.ts';
import { floorBounds } from '../floorBounds.ts';
import { allEquipment } from '../plantEquipment.ts';
import type { LayoutEdit } from './layoutEdit.ts';
import { overlapsAny } from './overlaps.ts';
import { PALETTE } from './palette.ts';
import { GRID_STEP, snapToGrid } from './snapping.ts';

/** Metres between a new machine's edge and its pick-up/drop-off point. */
const NODE_CLEARANCE = 1;

function unusedId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${String(n).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}

function onFloor(layout: Layout, e: Equipment): boolean {
  const f = floorBounds(layout);
  const b = bounds(equipmentRect(e));
  return b.minX >= f.minX && b.maxX <= f.minX + f.width && b.minY >= f.minY && b.maxY <= f.minY + f.depth;
}

/** Grid points in rings of growing distance from `centre`, nearest first within each ring. */
function* spiral(centre: { x: number; y: number }, rings: number): Generator<{ x: number; y: number }> {
  for (let r = 0; r <= rings; r++) {
    const ring: { x: number; y: number }[] = [];
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === r) ring.push({ x: centre.x + i * GRID_STEP, y: centre.y + j * GRID_STEP });
      }
    }
    ring.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
    yield* ring;
  }
}

/**
 * Where `make(p)` fits: the free grid spot on the floor nearest to `near`, or `near` itself
 * when the floor is full (so the overlap warning tells the user).
 */
export function freeSpot(layout: Layout, make: (p: { x: number; y: number }) => Equipment, near: { x: number; y: number }): Equipment {
  const start = { x: snapToGrid(near.x), y: snapToGrid(near.y) };
  const floor = floorBounds(layout);
  const rings = Math.ceil(Math.max(floor.width, floor.depth) / GRID_STEP);
  for (const p of spiral(start, rings)) {
    const candidate = make(p);
    if (onFloor(layout, candidate) && !overlapsAny(layout, candidate)) return candidate;
  }
  return make(start);
}

/**
 * A pick-up/drop-off node for new equipment, in front (south) of it or behind it when that would
 * be off the floor, and an aisle to the nearest node of the path graph, so the layout still
 * passes the loader's reachability check.
 */
export function accessTo(layout: Layout, equipment: Equipment): { node: Extract<LayoutEdit, { kind: 'add' }>['node']; edge: Extract<LayoutEdit, { kind: 'add' }>['edge'] } {
  const nodeIds = new Set(layout.paths.nodes.map((n) => n.id));
  const floor = floorBounds(layout);
  const b = bounds(equipmentRect(equipment));
  const frontY = b.minY - NODE_CLEARANCE;
  const nodeY = frontY >= floor.minY ? frontY : b.maxY + NODE_CLEARANCE;
  let nodeId = `N-${equipment.id}`;
  while (nodeIds.has(nodeId)) nodeId = `${nodeId}-`;
  const node = { id: nodeId, position: { x: equipment.position.x, y: nodeY }, equipment: equipment.id };
  const nearest = layout.paths.nodes.reduce<{ id: string; d: number } | undefined>((best, n) => {
    const d = Math.hypot(n.position.x - node.position.x, n.position.y - node.position.y);
    return !best || d < best.d ? { id: n.id, d } : best;
  }, undefined);
  const edge = nearest ? { from: nearest.id, to: nodeId, kind: 'aisle' as const, bidirectional: true } : undefined;
  return { node, edge };
}

/**
 * Plans adding a piece of equipment of `type` to cell `cellId`: a free id, the free grid spot on
 * the floor nearest to `near`, a pick-up/drop-off node in front of it and an aisle to the nearest
 * node (`freeSpot`, `accessTo`).
 */
export function planAddition(layout: Layout, type: EquipmentType, cellId: string, near: { x: number; y: number }): Extract<LayoutEdit, { kind: 'add' }> {
  const equipmentIds = new Set(allEquipment(layout).map((e) => e.id));
  const id = unusedId(type.toUpperCase(), equipmentIds);
  const { label, footprint } = PALETTE[type];
  const equipment = freeSpot(layout, (p) => ({
    id, name: `New ${label.toLowerCase()}`, type, position: p, footprint: { ...footprint }, rotation: 0, capabilities: [],
  }), near);
  return { kind: 'add', cellId, equipment, ...accessTo(layout, equipment) };
}
