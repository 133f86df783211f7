import { describe, expect, it } from 'vitest';
import { loadLayoutText } from '../../../src/model/load.ts';
import type { Layout } from '../../../src/model/layoutSchema.ts';
import { planAddition } from '../../../src/model/edits/addition.ts';
import { applyEdit } from '../../../src/model/edits/layoutEdit.ts';
import { findOverlaps } from '../../../src/model/edits/overlaps.ts';
import { nextRightAngle, snapToGrid } from '../../../src/model/edits/snapping.ts';
import { allEquipment } from '../../../src/model/plantEquipment.ts';
import { sampleLayout, twoMachines } from './layoutFixtures.ts';

const equipment = (layout: Layout, id: string) => allEquipment(layout).find((e) => e.id === id);
const node = (layout: Layout, id: string) => layout.paths.nodes.find((n) => n.id === id);
const validates = (layout: Layout) => loadLayoutText(JSON.stringify(layout), 'edited.json');

describe('snapping', () => {
  it('snaps to the half-metre grid, without negative zero', () => {
    expect(snapToGrid(3.26)).toBe(3.5);
    expect(snapToGrid(3.24)).toBe(3);
    expect(snapToGrid(-0.2)).toBe(0);
    expect(Object.is(snapToGrid(-0.2), -0)).toBe(false);
  });

  it('turns to the next right angle counter-clockwise', () => {
    expect([0, 90, 180, 270, 45, -90, 359.9].map(nextRightAngle)).toEqual([90, 180, 270, 0, 90, 0, 0]);
  });
});

describe('moving equipment', () => {
  it('moves it and its pick-up node by the same amount, and leaves the original untouched', () => {
    const before = twoMachines();
    const after = applyEdit(before, { kind: 'move', id: 'mill', x: 6.5, y: 13 });
    expect(equipment(after, 'mill')?.position).toEqual({ x: 6.5, y: 13 });
    expect(node(after, 'n-mill')?.position).toEqual({ x: 6.5, y: 11 });
    expect(equipment(before, 'mill')?.position).toEqual({ x: 5, y: 10 });
    expect(node(after, 'n-press')).toBe(node(before, 'n-press'));
  });

  it('scales a given edge length by the change of the straight-line distance (keeps the detour)', () => {
    const after = applyEdit(twoMachines(), { kind: 'move', id: 'mill', x: 10, y: 10 });
    // Nodes were 10 m apart with a 15 m path; now 5 m apart → 7.5 m.
    expect(after.paths.edges[0]?.length).toBe(7.5);
  });

  it('leaves edges without a length without one, so they stay straight lines', () => {
    const layout = twoMachines();
    const straight = { ...layout, paths: { ...layout.paths, edges: [{ from: 'n-mill', to: 'n-press', kind: 'aisle' as const, bidirectional: true }] } };
    const after = applyEdit(straight, { kind: 'move', id: 'mill', x: 10, y: 10 });
    expect(after.paths.edges[0]).not.toHaveProperty('length');
  });

  it('drops a given length when the two nodes come to the same point', () => {
    const after = applyEdit(twoMachines(), { kind: 'move', id: 'mill', x: 15, y: 10 });
    expect(after.paths.edges[0]).not.toHaveProperty('length');
    expect(findOverlaps(after)).toEqual([{ a: 'mill', b: 'press', depth: 2 }]);
  });

  it('returns the same layout for an unknown id', () => {
    const layout = twoMachines();
    expect(applyEdit(layout, { kind: 'move', id: 'nope', x: 1, y: 1 })).toBe(layout);
  });
});

describe('rotating equipment', () => {
  it('turns the pick-up node around the machine with it', () => {
    const after = applyEdit(twoMachines(), { kind: 'rotate', id: 'mill', rotation: 90 });
    expect(equipment(after, 'mill')?.rotation).toBe(90);
    // 2 m south of the centre, turned 90° counter-clockwise, is 2 m east.
    expect(node(after, 'n-mill')?.position).toEqual({ x: 7, y: 10 });
  });

  it('finds the overlap a rotation causes, with the loader’s geometry', () => {
    const layout = applyEdit(twoMachines(), { kind: 'move', id: 'mill', x: 12, y: 10 });
    expect(findOverlaps(layout)).toEqual([]);
    const turned = applyEdit(layout, { kind: 'rotate', id: 'press', rotation: 45 });
    expect(findOverlaps(turned).map((o) => [o.a, o.b])).toEqual([['mill', 'press']]);
  });
});

describe('buffer capacities', () => {
  it('sets and clears input and output buffers (absent = unlimited)', () => {
    const set = applyEdit(twoMachines(), { kind: 'buffers', id: 'mill', inputBuffer: 12, outputBuffer: 4 });
    expect(equipment(set, 'mill')).toMatchObject({ inputBuffer: 12, outputBuffer: 4 });
    const cleared = applyEdit(set, { kind: 'buffers', id: 'mill', inputBuffer: undefined, outputBuffer: 4 });
    expect(equipment(cleared, 'mill')).not.toHaveProperty('inputBuffer');
    expect(validates(cleared).ok).toBe(true);
  });
});

describe('deleting equipment', () => {
  it('removes it, keeps its node as an aisle junction, and the layout still loads', () => {
    const layout = sampleLayout('kitchen-hardware.json');
    const target = allEquipment(layout)[3]!;
    const after = applyEdit(layout, { kind: 'delete', id: target.id });
    expect(equipment(after, target.id)).toBeUndefined();
    expect(allEquipment(after)).toHaveLength(allEquipment(layout).length - 1);
    expect(after.paths.nodes.some((n) => n.equipment === target.id)).toBe(false);
    expect(after.paths.nodes).toHaveLength(layout.paths.nodes.length);
    expect(validates(after).ok).toBe(true);
  });

  it('removes a cell, line and area left empty', () => {
    const layout = twoMachines();
    const after = applyEdit(layout, { kind: 'delete', id: 'press' });
    expect(after.site.areas[0]?.lines[0]?.cells.map((c) => c.id)).toEqual(['c1']);
    expect(validates(after).ok).toBe(true);
  });

  it('keeps the last equipment of a plant', () => {
    const one = applyEdit(twoMachines(), { kind: 'delete', id: 'press' });
    expect(applyEdit(one, { kind: 'delete', id: 'mill' })).toBe(one);
  });
});

describe('adding equipment from the palette', () => {
  it('places it on a free spot with a node linked to the aisles, so the layout still loads', () => {
    const layout = sampleLayout('kitchen-hardware.json');
    const cell = layout.site.areas[0]!.lines[1]!.cells[0]!;
    const edit = planAddition(layout, 'machining-center', cell.id, { x: 28.5, y: 3.9 });
    const after = applyEdit(layout, edit);
    const added = equipment(after, edit.equipment.id);
    expect(added?.id).toBe('MACHINING-CENTER-01');
    expect(added?.position.x ? added.position.x * 2 : 0).toSatisfy(Number.isInteger);
    expect(findOverlaps(after).filter((o) => o.a === added?.id || o.b === added?.id)).toEqual([]);
    expect(after.site.areas[0]!.lines[1]!.cells[0]!.equipment.at(-1)?.id).toBe(added?.id);
    const loaded = validates(after);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('numbers a second one of the same type on', () => {
    const layout = twoMachines();
    const first = applyEdit(layout, planAddition(layout, 'rack', 'c1', { x: 20, y: 15 }));
    const second = planAddition(first, 'rack', 'c2', { x: 20, y: 15 });
    expect(second.equipment.id).toBe('RACK-02');
    expect(second.equipment.position).not.toEqual(equipment(first, 'RACK-01')?.position);
  });
});
