import { readFileSync } from 'node:fs';
import { PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { floorDrag, planPointAtHeight, type SceneRay } from '../../../src/model/edits/floorDrag.ts';
import { centreRange, clampToFloor, equipmentOffFloor, floorRect, offFloor } from '../../../src/model/edits/floorPlacement.ts';
import { nudgeOffset, NUDGE_STEP } from '../../../src/model/edits/nudge.ts';
import { lengthInside, pathCrossings } from '../../../src/model/edits/pathCrossings.ts';
import type { Equipment, Layout } from '../../../src/model/layoutSchema.ts';
import { loadLayoutText } from '../../../src/model/load.ts';

const kitchen = ((): Layout => {
  const loaded = loadLayoutText(readFileSync(new URL('../../../layouts/kitchen-hardware.json', import.meta.url), 'utf8'), 'kitchen.json');
  if (!loaded.ok) throw new Error('kitchen layout does not load');
  return loaded.value;
})();

function equipment(layout: Layout, id: string): Equipment {
  return layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment))).find((e) => e.id === id)!;
}

function moved(layout: Layout, id: string, change: Partial<Equipment>): Layout {
  const areas = layout.site.areas.map((a) => ({ ...a, lines: a.lines.map((l) => ({ ...l, cells: l.cells.map((c) => ({ ...c, equipment: c.equipment.map((e) => (e.id === id ? { ...e, ...change } : e)) })) })) }));
  return { ...layout, site: { ...layout.site, areas } };
}

describe('dragging on the floor plane under the cursor', () => {
  // The perspective view of the app: a 50° lens looking down on the plant from the south-east.
  const camera = new PerspectiveCamera(50, 1280 / 720, 0.1, 1000);
  camera.position.set(60, 45, 40);
  camera.lookAt(39, 0, -16);
  camera.updateMatrixWorld();
  const caster = new Raycaster();
  const rayAt = (px: number, py: number): SceneRay => {
    caster.setFromCamera(new Vector2((px / 1280) * 2 - 1, -(py / 720) * 2 + 1), camera);
    const { origin, direction } = caster.ray;
    return { origin: [origin.x, origin.y, origin.z], direction: [direction.x, direction.y, direction.z] };
  };
  const screenOf = (x: number, y: number, height: number): [number, number] => {
    const v = new Vector3(x, height, -y).project(camera);
    return [((v.x + 1) / 2) * 1280, ((1 - v.y) / 2) * 720];
  };

  it('keeps the grabbed point of a tall machine under the pointer, wherever the pointer goes', () => {
    const oven = equipment(kitchen, 'CURE-01');
    const height = oven.footprint.height ?? 2;
    // Press on the oven's roof, a metre from its centre.
    const grabbed = { x: oven.position.x + 1, y: oven.position.y };
    const [px, py] = screenOf(grabbed.x, grabbed.y, height);
    const drag = floorDrag(oven.position, rayAt(px, py), height)!;
    for (const [dx, dy] of [[120, 0], [0, -80], [-200, 60]] as const) {
      const centre = drag(rayAt(px + dx, py + dy))!;
      const [sx, sy] = screenOf(centre.x + 1, centre.y, height);
      expect(sx).toBeCloseTo(px + dx, 6);
      expect(sy).toBeCloseTo(py + dy, 6);
    }
  });

  it('moves the machine as far on the floor as the grabbed point moves on the plane, not the floor point behind it', () => {
    const oven = equipment(kitchen, 'CURE-01');
    const height = oven.footprint.height ?? 2;
    const [px, py] = screenOf(oven.position.x, oven.position.y, height);
    const centre = floorDrag(oven.position, rayAt(px, py), height)!(rayAt(px + 120, py))!;
    const onPlane = planPointAtHeight(rayAt(px + 120, py), height)!;
    const start = planPointAtHeight(rayAt(px, py), height)!;
    expect(Math.hypot(centre.x - oven.position.x, centre.y - oven.position.y)).toBeCloseTo(Math.hypot(onPlane.x - start.x, onPlane.y - start.y), 9);
    const floorMove = Math.hypot(planPointAtHeight(rayAt(px + 120, py), 0)!.x - planPointAtHeight(rayAt(px, py), 0)!.x, 0);
    expect(floorMove).toBeGreaterThan(Math.hypot(centre.x - oven.position.x, centre.y - oven.position.y));
  });

  it('has no point for a ray above the horizon or along the plane', () => {
    expect(planPointAtHeight({ origin: [0, 10, 0], direction: [0, 1, 0] }, 0)).toBeUndefined();
    expect(planPointAtHeight({ origin: [0, 10, 0], direction: [1, 0, 0] }, 0)).toBeUndefined();
    expect(planPointAtHeight({ origin: [0, 10, 0], direction: [0, -1, 0] }, 2)).toEqual({ x: 0, y: -0 });
    expect(floorDrag({ x: 0, y: 0 }, { origin: [0, 10, 0], direction: [0, 1, 0] }, 0)).toBeUndefined();
  });
});

describe('keyboard nudge', () => {
  it('moves half a metre per arrow, five with Shift, up is north', () => {
    expect(nudgeOffset('ArrowRight', false)).toEqual({ dx: NUDGE_STEP, dy: 0 });
    expect(nudgeOffset('ArrowUp', true)).toEqual({ dx: 0, dy: 5 });
    expect(nudgeOffset('ArrowDown', false)).toEqual({ dx: 0, dy: -0.5 });
    expect(nudgeOffset('ArrowLeft', true)).toEqual({ dx: -5, dy: 0 });
    expect(nudgeOffset('a', false)).toBeUndefined();
  });
});

describe('staying on the floor', () => {
  const floor = { minX: 0, minY: 0, maxX: 30, maxY: 20 };
  const rect = { x: 10, y: 10, width: 4, depth: 2, rotation: 0 };

  it('clamps a centre so the footprint stays on the floor, turned or not, snapped inward', () => {
    expect(centreRange(rect, floor)).toEqual({ minX: 2, maxX: 28, minY: 1, maxY: 19 });
    expect(clampToFloor(rect, -7, 25, floor)).toEqual({ x: 2, y: 19 });
    expect(clampToFloor({ ...rect, rotation: 90 }, -7, 25, floor)).toEqual({ x: 1, y: 18 });
    // A 3 m wide footprint reaches 1.5 m: the centre may not be at 1.0 on a half-metre grid, but at 1.5.
    expect(clampToFloor({ ...rect, width: 3 }, 0.2, 10.2, floor, 0.5)).toEqual({ x: 1.5, y: 10 });
    expect(clampToFloor({ ...rect, width: 3.2 }, 0.2, 10, floor, 0.5)).toEqual({ x: 2, y: 10 });
    // Wider than the floor: centred.
    expect(clampToFloor({ ...rect, width: 40 }, 3, 10, floor).x).toBe(15);
  });

  it('lists equipment reaching past the floor with the sides and the overhang', () => {
    expect(equipmentOffFloor(kitchen)).toEqual([]);
    const oven = equipment(kitchen, 'CURE-01');
    const out = moved(kitchen, 'CURE-01', { position: { x: kitchen.floor.width + 1, y: -0.5 } });
    const list = equipmentOffFloor(out);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'CURE-01', name: oven.name, sides: ['east', 'south'] });
    expect(list[0]!.overhang).toBeCloseTo(1 + oven.footprint.width / 2, 9);
    expect(offFloor({ ...oven, position: { x: oven.footprint.width / 2, y: 10 } }, floorRect(kitchen))).toBeUndefined();
  });
});

describe('path edges through footprints', () => {
  it('measures the stretch of a segment inside a turned rectangle', () => {
    const r = { x: 0, y: 0, width: 4, depth: 2, rotation: 0 };
    expect(lengthInside(r, -10, 0, 10, 0)).toBeCloseTo(4, 9);
    expect(lengthInside(r, 0, -10, 0, 10)).toBeCloseTo(2, 9);
    expect(lengthInside({ ...r, rotation: 90 }, -10, 0, 10, 0)).toBeCloseTo(2, 9);
    expect(lengthInside(r, -10, 5, 10, 5)).toBe(0);
    expect(lengthInside(r, -10, 0, -3, 0)).toBe(0);
    expect(lengthInside(r, -10, -10, 10, 10)).toBeCloseTo(Math.hypot(2, 2), 9);
  });

  it('flags an aisle that a moved machine now sits on, naming the machine', () => {
    expect(pathCrossings(kitchen)).toEqual([]);
    const at = new Map(kitchen.paths.nodes.map((n) => [n.id, n.position]));
    const span = (e: { from: string; to: string }) => Math.hypot(at.get(e.to)!.x - at.get(e.from)!.x, at.get(e.to)!.y - at.get(e.from)!.y);
    const long = [...kitchen.paths.edges].sort((a, b) => span(b) - span(a))[0]!;
    const [a, b] = [at.get(long.from)!, at.get(long.to)!];
    const crossings = pathCrossings(moved(kitchen, 'CURE-01', { position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } }));
    expect(crossings).toContainEqual(expect.objectContaining({ from: long.from, to: long.to, equipment: 'CURE-01', name: equipment(kitchen, 'CURE-01').name }));
  });
});
