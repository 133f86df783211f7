import { describe, expect, it } from 'vitest';
import { compareReplications, replicatePlant } from '../../../src/sim/plant/replicatePlant.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { makePlant, oneProduct, operation, order } from './plantBuilder.ts';

const plant = (mean: number) => makePlant({
  machines: [{ id: 'M1' }, { id: 'M2' }],
  scenario: {
    ...oneProduct([operation('a', { M1: { type: 'exponential', mean } }), operation('b', { M2: { type: 'exponential', mean: 0.8 } })]),
    orders: Array.from({ length: 60 }, (_, k) => order(`o${k}`, 'P', 5, 10 * k, 10 * k + 60)),
    failures: [{ equipment: ['M2'], timeBetweenFailures: { type: 'exponential', mean: 200 }, timeToRepair: { type: 'exponential', mean: 15 } }],
    experiment: { horizon: 700, replications: 6, seed: 7 },
  },
});

describe('replications', () => {
  const summary = replicatePlant(plant(1));

  it('runs the scenario’s replication count, each as simulatePlant would alone', () => {
    expect(summary.replications).toBe(6);
    expect(summary.runs[3]!.wip).toEqual(simulatePlant(plant(1), { replication: 3 }).wip);
  });

  it('gives independent replications and a 95 % interval per KPI', () => {
    const lead = summary.kpis.intervals.leadTimeMean;
    expect(new Set(summary.kpis.samples.leadTimeMean).size).toBe(6);
    expect(lead.level).toBe(0.95);
    expect(lead.halfWidth).toBeGreaterThan(0);
    expect(lead.lower).toBeLessThan(lead.mean);
    expect(summary.equipment[1]!.oee!.mean).toBeGreaterThan(0);
    expect(summary.bottlenecks.reduce((n, b) => n + b.replications, 0)).toBe(6);
  });

  it('shares random numbers across scenarios: a paired difference is tighter than the separate intervals', () => {
    const slower = replicatePlant(plant(1.1));
    const difference = compareReplications(summary, slower).leadTimeMean;
    expect(difference.mean).toBeGreaterThan(0);
    expect(difference.halfWidth).toBeLessThan(summary.kpis.intervals.leadTimeMean.halfWidth);
    // M2's failures do not depend on M1's times: its down time is the same in every paired replication.
    expect(slower.runs.map((r) => r.equipment[1]!.states.down)).toEqual(summary.runs.map((r) => r.equipment[1]!.states.down));
  });

  it('reports progress from 0 to 1 across the replications', () => {
    const seen: number[] = [];
    replicatePlant(plant(1), { replications: 2, onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });

  it('stops when cancelled, with results for the time simulated', () => {
    let calls = 0;
    const result = simulatePlant(plant(1), { shouldCancel: () => ++calls >= 10 });
    expect(result.cancelled).toBe(true);
    expect(result.window.end).toBeCloseTo(70, 9);
    expect(result.flow.unitsReleased).toBe(result.flow.unitsGood + result.flow.unitsScrapped + result.flow.unitsInPlant);
  });
});
