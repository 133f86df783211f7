import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/model/scenarioSchema.ts';
import { equipmentLoads } from '../../src/model/workload.ts';
import { smallScenario } from '../fixtures/smallPlant.ts';

describe('rough-cut equipment load', () => {
  it('splits an operation evenly over eligible machines, divides batch time by batch size, bottleneck first', () => {
    const loads = equipmentLoads(Scenario.parse(smallScenario));
    expect(loads.map((l) => l.equipment)).toEqual(['mill-2', 'mill-1', 'saw', 'oven']);
    const byId = Object.fromEntries(loads.map((l) => [l.equipment, l]));
    expect(byId['mill-2']).toMatchObject({ work: 600, capacity: 900, calendar: 'day' });
    expect(byId['mill-2']!.load).toBeCloseTo(2 / 3, 12);
    expect(byId['mill-1']).toMatchObject({ work: 400, capacity: 900 });
    expect(byId.saw).toMatchObject({ work: 400, capacity: 900 });
    expect(byId.oven).toMatchObject({ work: 600, capacity: 1920, calendar: 'long', load: 0.3125 });
  });

  it('work on equipment whose calendar has no time in the horizon ranks above any finite load', () => {
    const weekendOnly = { id: 'weekend', shifts: [{ name: 'sat', days: ['sat' as const], start: '06:00', end: '14:00' }] };
    const scenario = Scenario.parse({
      ...smallScenario,
      calendars: [...smallScenario.calendars, weekendOnly],
      equipmentCalendars: { default: 'day', overrides: { oven: 'long', saw: 'weekend' } },
    });
    const [first] = equipmentLoads(scenario);
    expect(first).toMatchObject({ equipment: 'saw', capacity: 0, load: null, work: 400 });
  });

  it('eligible equipment is listed with zero work and zero load when there are no orders', () => {
    const loads = equipmentLoads(Scenario.parse({ ...smallScenario, orders: [] }));
    expect(loads.every((l) => l.work === 0 && l.load === 0)).toBe(true);
    expect(loads).toHaveLength(4);
  });
});
