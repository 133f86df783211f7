import { describe, expect, it } from 'vitest';
import { durationText, freshness } from '../../src/live/liveFreshness.ts';
import { LiveStates } from '../../src/live/liveStates.ts';

describe('freshness in words', () => {
  it('words durations', () => {
    expect([0, 45_000, 200_000, 660_000, 7_500_000, 7_200_000, 270_000_000].map(durationText)).toEqual(['0 s', '45 s', '3 min 20 s', '11 min', '2 h 5 min', '2 h', '3 d 3 h']);
  });

  it('current, stale since last heard, or last known from an old retained copy', () => {
    const t = Date.parse('2026-11-30T06:00:00Z');
    const s = new LiveStates({ expectedPeriodMs: 60_000, staleFactor: 5 });
    s.offer('a', JSON.stringify({ ts: t, state: 'down' }), t, 'x');
    expect(freshness(s.get('a')!, t + 30_000)).toEqual({ kind: 'current', text: 'heard 30 s ago' });
    s.checkStale(t + 400_000);
    expect(freshness(s.get('a')!, t + 400_000)).toEqual({ kind: 'stale', text: 'stale: last heard 6 min 40 s ago' });
    s.offer('b', JSON.stringify({ ts: t - 7_500_000, state: 'idle' }), t, 'x', true);
    expect(freshness(s.get('b')!, t)).toEqual({ kind: 'last-known', text: "last known, 2 h 5 min old (the broker's retained copy)" });
  });
});
