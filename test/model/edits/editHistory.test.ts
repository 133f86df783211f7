import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo } from '../../../src/model/edits/editHistory.ts';
import { allEquipment } from '../../../src/model/plantEquipment.ts';
import { twoMachines } from './layoutFixtures.ts';

const millAt = (h: { present: ReturnType<typeof twoMachines> }) => allEquipment(h.present).find((e) => e.id === 'mill')?.position;

describe('edit history', () => {
  it('undoes and redoes moves in order', () => {
    const start = startHistory(twoMachines());
    const moved = record(record(start, { kind: 'move', id: 'mill', x: 6, y: 10 }), { kind: 'move', id: 'mill', x: 7, y: 10 });
    expect(millAt(moved)).toEqual({ x: 7, y: 10 });
    const once = undo(moved);
    expect(millAt(once)).toEqual({ x: 6, y: 10 });
    const twice = undo(once);
    expect(twice.present).toBe(start.present);
    expect(undo(twice)).toBe(twice);
    const again = redo(redo(twice));
    expect(millAt(again)).toEqual({ x: 7, y: 10 });
    expect(redo(again)).toBe(again);
  });

  it('forgets the redo steps when a new edit is made after an undo', () => {
    const h = undo(record(startHistory(twoMachines()), { kind: 'move', id: 'mill', x: 6, y: 10 }));
    const branched = record(h, { kind: 'rotate', id: 'mill', rotation: 90 });
    expect(branched.future).toEqual([]);
    expect(redo(branched)).toBe(branched);
  });

  it('records no step for an edit that changes nothing', () => {
    const start = startHistory(twoMachines());
    expect(record(start, { kind: 'move', id: 'mill', x: 5, y: 10 })).toBe(start);
    expect(record(start, { kind: 'delete', id: 'nope' })).toBe(start);
  });
});
