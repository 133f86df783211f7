import { describe, expect, it } from 'vitest';
import { liveSiteFigures } from '../../src/experiment/liveSite.ts';
import { LiveHistory } from '../../src/live/liveHistory.ts';
import { LiveStates } from '../../src/live/liveStates.ts';
import type { ConnectionStatus } from '../../src/live/mqttSource.ts';
import { columnsOf } from '../../src/live/stateColumns.ts';
import { stateKpis } from '../../src/live/stateTimeline.ts';

const T0 = Date.parse('2026-12-03T10:00:00Z');
const connected: ConnectionStatus = { phase: 'connected', attempt: 0, since: T0 };
const min = 60_000;

function site() {
  const history = new LiveHistory(T0);
  // Expected every minute, stale after 2 minutes without a message.
  const states = new LiveStates({ expectedPeriodMs: min, staleFactor: 2, history });
  const say = (equipment: string, at: number, fields: object) => states.offer(equipment, JSON.stringify({ ts: T0 + at, ...fields }), T0 + at, `acme/${equipment}/state`);
  return { history, states, say };
}

describe('a live site\'s figures', () => {
  it('waits, without figures, until something is heard', () => {
    const { history, states } = site();
    expect(liveSiteFigures(states, history, connected, 6, T0 + min)).toEqual({ phase: 'connected', equipment: 6, heard: 0, stale: 0, freshness: 'waiting' });
  });

  it('sums every equipment heard by stateKpis up to now while current, and stops at the last message once stale', () => {
    const { history, states, say } = site();
    say('A', 0, { state: 'processing', good: 0 });
    say('B', 0, { state: 'processing' });
    say('B', 1 * min, { state: 'down', reason: 'jam' });
    say('A', 1.5 * min, { state: 'processing', good: 30 });
    say('B', 2 * min, { state: 'processing' });
    say('A', 3 * min, { state: 'processing', good: 60 });
    say('B', 3 * min, { state: 'processing' });
    let now = T0 + 4 * min;
    states.checkStale(now);
    const current = liveSiteFigures(states, history, connected, 6, now, 2_000);
    expect(current).toMatchObject({ freshness: 'current', heard: 2, stale: 0, equipment: 6, lastHeardMs: T0 + 3 * min });
    // The same code on the same events over the same window: A 4 min processing, B 3 of 4.
    const direct = stateKpis(columnsOf([
      { ts: T0, equipment: 'A', state: 'processing', good: 0 }, { ts: T0, equipment: 'B', state: 'processing' },
      { ts: T0 + min, equipment: 'B', state: 'down', reason: 'jam' }, { ts: T0 + 1.5 * min, equipment: 'A', state: 'processing', good: 30 },
      { ts: T0 + 2 * min, equipment: 'B', state: 'processing' }, { ts: T0 + 3 * min, equipment: 'A', state: 'processing', good: 60 },
      { ts: T0 + 3 * min, equipment: 'B', state: 'processing' },
    ]), { t0: T0, t1: now, idealCycleMs: 2_000 });
    expect(current.kpis).toEqual(direct);
    expect(current.kpis!.availability).toBeCloseTo(7 / 8, 12);
    expect(current.kpis!.timeInState.down).toBe(min);

    // A goes quiet; B reports on. Past A's threshold the site is stale and its window ends at the newest message.
    say('B', 5 * min, { state: 'processing' });
    now = T0 + 5.5 * min;
    states.checkStale(now);
    const stale = liveSiteFigures(states, history, connected, 6, now, 2_000);
    expect(stale).toMatchObject({ freshness: 'stale', heard: 2, stale: 1, lastHeardMs: T0 + 5 * min });
    expect(stale.kpis!.t1).toBe(T0 + 5 * min);

    // The connection is down: stale at once, however fresh the last message.
    const lost = liveSiteFigures(states, history, { ...connected, phase: 'waiting', lastError: 'connack timeout' }, 6, T0 + 5.1 * min);
    expect(lost).toMatchObject({ freshness: 'stale', phase: 'waiting', lastError: 'connack timeout' });
    expect(lost.kpis!.t1).toBe(T0 + 5 * min);
  });

  it('sums a history whose oldest events were dropped only from when every equipment\'s is complete', () => {
    const history = new LiveHistory(T0, 4);
    for (let i = 0; i < 6; i++) history.push(T0 + i * min, 'A', { state: i % 2 ? 'down' : 'processing' });
    history.push(T0, 'B', { state: 'processing' });
    const all = history.allKpis(T0 + 6 * min);
    expect(all.t0).toBe(history.keptFrom('A'));
    expect(all.t0).toBeGreaterThan(T0);
    expect(all.equipment.map((e) => e.equipment).sort()).toEqual(['A', 'B']);
    expect(all.equipment.find((e) => e.equipment === 'A')).toEqual(history.kpis('A', T0 + 6 * min));
  });
});
