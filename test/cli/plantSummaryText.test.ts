import { describe, expect, it } from 'vitest';
import { plantSummary } from '../../src/cli/plantSummary.ts';
import { plantSummaryText } from '../../src/cli/plantSummaryText.ts';
import { Layout } from '../../src/model/layoutSchema.ts';
import { Scenario } from '../../src/model/scenarioSchema.ts';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';

function loadRows(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Load over the horizon')) + 2;
  return lines.slice(start, start + 4).map((row) => row.trim().split(/\s{2,}/));
}

describe('inspect text', () => {
  it('identical parallel machines that share the top load are all marked as the bottleneck', () => {
    const scenario = structuredClone(smallScenario);
    scenario.routings[0]!.operations[1]!.equipment[0]!.time = { type: 'constant', value: 6 };
    const text = plantSummaryText(plantSummary({
      layout: Layout.parse(smallLayout), layoutFile: 'small-layout.json', scenario: Scenario.parse(scenario), scenarioFile: 'small-scenario.json',
    }));
    expect(loadRows(text).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['mill-1', '66.7 %', '← bottleneck'],
      ['mill-2', '66.7 %', '← bottleneck'],
      ['saw', '44.4 %', undefined],
      ['oven', '31.3 %', undefined],
    ]);
  });

  it('without orders nothing is called a bottleneck', () => {
    const text = plantSummaryText(plantSummary({
      layout: Layout.parse(smallLayout), layoutFile: 'l.json', scenario: Scenario.parse({ ...smallScenario, orders: [] }), scenarioFile: 's.json',
    }));
    expect(text).toContain('Orders: none');
    expect(text).not.toContain('← bottleneck');
    expect(loadRows(text).every((r) => r[2] === '0.0' && r[4] === '0.0 %' && r.length === 5)).toBe(true);
  });
});
