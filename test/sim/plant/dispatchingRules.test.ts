import { describe, expect, it } from 'vitest';
import type { DispatchRule } from '../../../src/sim/plant/dispatching.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('dispatching rules at a machine', () => {
  // o0 starts at once and keeps the machine busy until 10; meanwhile three lots queue up.
  const plant = makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      ...oneProduct([operation('op', { M: 1 })]),
      orders: [
        order('o0', 'P', 10, 0, 1000),
        order('late-big', 'P', 8, 1, 900),
        order('early-mid', 'P', 5, 2, 100),
        order('mid-small', 'P', 2, 3, 500),
      ],
      experiment: { horizon: 1000 },
    },
  });
  const sequence = (rule: DispatchRule) => {
    const done = completions(simulatePlant(plant, { dispatching: rule }));
    return Object.keys(done).filter((id) => id !== 'o0').sort((a, b) => done[a]! - done[b]!);
  };

  it('FIFO serves the queue in arrival order', () => {
    expect(sequence('FIFO')).toEqual(['late-big', 'early-mid', 'mid-small']);
  });

  it('EDD serves the earliest due date first', () => {
    expect(sequence('EDD')).toEqual(['early-mid', 'mid-small', 'late-big']);
  });

  it('SPT serves the shortest operation first', () => {
    expect(sequence('SPT')).toEqual(['mid-small', 'early-mid', 'late-big']);
  });

  it('ATCS puts the urgent lot first and the slack-rich big lot last', () => {
    expect(sequence('ATCS')).toEqual(['early-mid', 'mid-small', 'late-big']);
  });

  it('dispatches lots released at the same instant by the rule, not by release order', () => {
    const same = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...oneProduct([operation('op', { M: 1 })]),
        orders: [order('a', 'P', 5, 0, 900), order('b', 'P', 5, 0, 100)],
        experiment: { horizon: 1000 },
      },
    });
    expect(completions(simulatePlant(same, { dispatching: 'EDD' }))).toEqual({ a: 10, b: 5 });
  });

  it('keeps a lot on its line when the next operation can run there', () => {
    // Two parallel lines X and Y of a printer and a placer.
    const lines = makePlant({
      machines: [{ id: 'PX', line: 'X' }, { id: 'QX', line: 'X' }, { id: 'PY', line: 'Y' }, { id: 'QY', line: 'Y' }],
      scenario: {
        ...oneProduct([operation('print', { PX: 1, PY: 1 }), operation('place', { QX: 5, QY: 5 })]),
        orders: [order('c', 'P', 1, 0, 1000), order('a', 'P', 1, 1, 1000)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(lines);
    // c: PX 0–1, QX 1–6. a: PX 1–2 (the tie goes to the printer listed first), then it waits for QX
    // (until 6) although QY is idle: 6–11.
    expect(completions(result)).toEqual({ c: 6, a: 11 });
    expect(result.equipment.map((e) => e.unitsProcessed)).toEqual([2, 2, 0, 0]);
  });
});
