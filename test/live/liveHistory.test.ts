import { describe, expect, it } from 'vitest';
import { LiveHistory } from '../../src/live/liveHistory.ts';
import { LiveStates } from '../../src/live/liveStates.ts';

const MIN = 60_000;
const connect = Date.parse('2026-11-30T06:00:00.000Z');
const at = (minutes: number): number => connect + minutes * MIN;
const msg = (minutes: number, body: Record<string, unknown>): string => JSON.stringify({ ts: at(minutes), ...body });

describe('live history since connect', () => {
  it('time in state and OEE of the applied messages, late ones in their place, duplicates once', () => {
    const history = new LiveHistory(connect);
    const live = new LiveStates({ expectedPeriodMs: MIN, staleFactor: 5, history });
    live.offer('m1', msg(10, { state: 'processing', good: 0, scrap: 0 }), at(10), 't');
    live.offer('m1', msg(40, { state: 'down', reason: 'jam', good: 18, scrap: 2 }), at(40), 't');
    live.offer('m1', msg(40, { state: 'down', reason: 'jam', good: 18, scrap: 2 }), at(40), 't');
    // Heard late: idle from minute 30 to 40 replaces ten minutes of processing.
    live.offer('m1', msg(30, { state: 'idle' }), at(41), 't');
    // A fresh late message waits for the next one, which says whether the publisher's clock went back.
    expect(history.size('m1')).toBe(2);
    live.offer('m1', msg(42, { good: 18 }), at(42), 't');
    const k = history.kpis('m1', at(60))!;
    expect(k.timeInState).toMatchObject({ unknown: 10 * MIN, processing: 20 * MIN, idle: 10 * MIN, down: 20 * MIN });
    expect(k.availability).toBeCloseTo(20 / 50);
    expect(k.quality).toBeCloseTo(18 / 20);
    expect(k.breakdowns).toBe(1);
    expect(history.size('m1')).toBe(4);
    expect(history.kpis('never-heard', at(60))).toBeUndefined();
  });

  it('is bounded per equipment; dropping the oldest keeps the state in force, so the times still add up', () => {
    const history = new LiveHistory(connect, 8);
    // Alternate processing / idle every minute for 20 minutes: far more than 8 events.
    for (let m = 0; m < 20; m++) history.push(at(m), 'm1', { state: m % 2 === 0 ? 'processing' : 'idle' });
    expect(history.size('m1')).toBeLessThanOrEqual(8);
    const from = history.keptFrom('m1');
    expect(from).toBeGreaterThan(connect);
    const k = history.kpis('m1', at(20))!;
    const total = Object.values(k.timeInState).reduce((a, b) => a + b, 0);
    expect(total).toBe(at(20) - from);
    // From `from` on every minute is known: no unknown time, half processing, half idle (± one minute).
    expect(k.timeInState.unknown).toBe(0);
    expect(Math.abs(k.timeInState.processing - k.timeInState.idle)).toBeLessThanOrEqual(MIN);
  });
});
