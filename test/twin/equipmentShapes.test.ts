import { describe, expect, it } from 'vitest';
import { EquipmentType } from '../../src/model/layoutSchema.ts';
import { equipmentShape } from '../../src/twin/equipmentShapes.ts';

describe('procedural equipment shapes', () => {
  it.each(EquipmentType.options)('%s is one geometry inside the unit footprint, shaded per vertex', (type) => {
    const geometry = equipmentShape(type);
    geometry.computeBoundingBox();
    const box = geometry.boundingBox!;
    expect(box.min.x).toBeGreaterThanOrEqual(-0.5 - 1e-6);
    expect(box.max.x).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(box.min.z).toBeGreaterThanOrEqual(-0.5 - 1e-6);
    expect(box.max.z).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(box.min.y).toBeCloseTo(0, 6);
    expect(box.max.y).toBeCloseTo(1, 6);
    const shades = geometry.getAttribute('color');
    expect(shades.count).toBe(geometry.getAttribute('position').count);
    expect(new Set(Array.from(shades.array as Float32Array)).size).toBeGreaterThan(1);
    expect(geometry.groups).toEqual([]);
  });

  it('shares one geometry per type', () => {
    expect(equipmentShape('press')).toBe(equipmentShape('press'));
    expect(equipmentShape('press')).not.toBe(equipmentShape('lathe'));
  });
});
