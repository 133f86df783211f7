import { describe, expect, it } from 'vitest';
import { generateBenchLayout } from '../../src/app/benchPlant.ts';
import { loadLayoutText } from '../../src/model/load.ts';
import { equipmentByType } from '../../src/model/plantEquipment.ts';

describe('generated benchmark plant', () => {
  it.each([1, 7, 500])('with %i equipment loads without problems', (count) => {
    const layout = generateBenchLayout(count);
    const loaded = loadLayoutText(JSON.stringify(layout), 'bench.json');
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.warnings).toEqual([]);
  });

  it('uses every equipment type, so the scene has one mesh per type', () => {
    expect(equipmentByType(generateBenchLayout(500))).toHaveLength(25);
  });
});
