import { describe, expect, it } from 'vitest';
import { scenarioProblem } from '../../../solver/scenarioProblem.ts';
import { Decoder } from '../../../solver/plant/decode.ts';
import { setupScenario } from './plantFixture.ts';

describe('scenario → plant problem', () => {
  const pp = scenarioProblem(setupScenario());
  const p = pp.problem;

  it('makes one operation per order and routing step with quantity × mean time per eligible machine', () => {
    expect(pp.equipment).toEqual(['saw', 'mill-1', 'mill-2', 'oven']);
    expect(p.operations).toHaveLength(9);
    const [cut, mill, bake] = p.jobs[0]!.operations.map((i) => p.operations[i]!);
    expect(cut!.modes).toEqual([{ machine: 0, duration: 200 }]);
    expect(mill!.modes).toEqual([{ machine: 1, duration: 400 }, { machine: 2, duration: 600 }]);
    // Oven: 100 units in batches of 10, 30 min (uniform 20–40) each.
    expect(bake!.modes).toEqual([{ machine: 3, duration: 300 }]);
    expect(mill!.predecessors).toEqual([p.jobs[0]!.operations[0]]);
  });

  it('takes releases, due dates and priorities from the orders, in minutes from the start', () => {
    expect(p.jobs.map((j) => [j.name, j.due, j.weight])).toEqual([['o1', 2280, 5], ['o2', 2160, 5], ['o3', 2640, 5]]);
    expect(p.jobs.map((j) => p.operations[j.operations[0]!]!.release)).toEqual([360, 480, 420]);
  });

  it('gives each product its setup family and each machine its changeover times, first setups included', () => {
    const fam = p.setups!.family;
    expect(fam[0]).toBe(fam[6]);
    expect(fam[0]).not.toBe(fam[3]);
    const d = new Decoder(pp);
    expect(d.changeover(0, 0, 6)).toBe(10);
    expect(d.changeover(0, 0, 3)).toBe(30);
    expect(d.changeover(0, -1, 3)).toBe(15);
    expect(d.changeover(1, 1, 4)).toBe(20);
    expect(d.changeover(1, -1, 4)).toBe(5);
    expect(d.changeover(3, 2, 5)).toBe(0);
    expect(pp.familyLabels[0]![fam[3]!]).toBe('B');
    expect(pp.familyLabels[1]![fam[3]!]).toBe('blue');
  });

  it('freezes the operation a snapshot shows running and drops the ones before it', () => {
    const frozen = scenarioProblem(setupScenario({
      startState: {
        kind: 'snapshot', time: '2026-11-30T07:00:00Z',
        equipment: [{ id: 'mill-1', state: 'processing', order: 'o1', operation: 'mill', remaining: 90, setupKey: 'red' }],
      },
    }));
    expect(frozen.planStart).toBe(420);
    expect(frozen.problem.jobs[0]!.operations).toHaveLength(2);
    const i = frozen.problem.jobs[0]!.operations[0]!;
    expect(frozen.fixed[i]).toEqual({ kind: 'frozen', machine: 1, start: 420, end: 510 });
    // Every other operation is released no earlier than the snapshot.
    expect(Math.min(...frozen.problem.operations.map((o) => o.release))).toBe(420);
  });
});
