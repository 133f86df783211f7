import { describe, expect, it } from 'vitest';
import { PlantDeadlockError } from '../../../solver/plant/deadlock.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { reentrantJam } from '../../fixtures/jamPlant.ts';
import { makePlant } from '../../sim/plant/plantBuilder.ts';

describe('a plant whose finite buffers deadlock every construction', () => {
  it('is refused with the full buffers, where they are in the layout and what to change', () => {
    const pp = plantProblem(reentrantJam());
    let error: unknown;
    try {
      solvePlant(pp, { maxIterations: 50, seed: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlantDeadlockError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    expect(message).toMatch(/^the lots deadlock in the finite buffers under every dispatching rule \(EDD: \d+ of 24 operations left undone\)/);
    expect(message).toMatch(/A's input buffer \(capacity 1\) holds 1 parts while O\d+\/(first|last)/);
    expect(message).toMatch(/B's input buffer \(capacity 1\) holds 1 parts while O\d+\/middle from A/);
    expect(message).toMatch(/Raise these capacities \(test\.json: site\.areas\[0\]\.lines\[0\]\.cells\[0\]\.equipment\[0\]\.inputBuffer, site\.areas\[0\]\.lines\[0\]\.cells\[0\]\.equipment\[1\]\.inputBuffer/);
  });

  it('is scheduled once the buffers have room for the lots in flight', () => {
    const plant = reentrantJam();
    const wide = makePlant({
      machines: [{ id: 'A', inputBuffer: 8, outputBuffer: 8 }, { id: 'B', inputBuffer: 8, outputBuffer: 8 }],
      scenario: plant.scenario!,
    });
    const r = solvePlant(plantProblem(wide), { maxIterations: 50, seed: 1 });
    expect(r.timetable.machine.length).toBe(24);
  });
});
