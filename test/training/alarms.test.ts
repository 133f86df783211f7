import { describe, expect, it } from 'vitest';
import { alarmAt, alarmList, AlarmRecorder, responseMinutes, type AlarmActionAt, type AlarmOccurrence } from '../../src/training/alarms.ts';
import type { AlarmRule } from '../../src/training/lessonSchema.ts';
import { decisionPoints, estimateQuality, intervalQuality, plantQuality } from '../../src/training/scoring.ts';

const occurrence = (id: string, priority: AlarmOccurrence['priority'], raisedAt: number, clearedAt: number | null): AlarmOccurrence => ({
  id, rule: id.split('/')[0]!, kind: 'machine-down', priority, source: id.split('/')[1]!, message: id, raisedAt, clearedAt,
});

describe('ISA-18.2 alarm states', () => {
  const o = occurrence('down/M1/1', 'high', 10, 40);

  it('walks unacknowledged → acknowledged → normal when acknowledged while active', () => {
    const actions: AlarmActionAt[] = [{ alarm: o.id, action: 'acknowledge', at: 15 }];
    expect([5, 12, 20, 45].map((t) => alarmAt(o, actions, t).state)).toEqual(['normal', 'unacknowledged', 'acknowledged', 'normal']);
  });

  it('returns to normal unacknowledged when it clears first, and leaves the list only once acknowledged', () => {
    const actions: AlarmActionAt[] = [{ alarm: o.id, action: 'acknowledge', at: 50 }];
    expect([20, 45, 55].map((t) => alarmAt(o, actions, t).state)).toEqual(['unacknowledged', 'cleared-unacknowledged', 'normal']);
    expect(alarmList([o], actions, 45).map((v) => v.state)).toEqual(['cleared-unacknowledged']);
    expect(alarmList([o], actions, 55)).toEqual([]);
  });

  it('shelving hides an alarm until its time or an unshelve, and counts as taking it in hand', () => {
    const shelved: AlarmActionAt[] = [{ alarm: o.id, action: 'shelve', at: 12, until: 30 }];
    expect([20, 35].map((t) => alarmAt(o, shelved, t).state)).toEqual(['shelved', 'unacknowledged']);
    const back: AlarmActionAt[] = [...shelved, { alarm: o.id, action: 'unshelve', at: 18 }];
    expect(alarmAt(o, back, 20).state).toBe('unacknowledged');
    expect(responseMinutes(o, shelved)).toBe(2);
    expect(responseMinutes(o, [])).toBeNull();
  });

  it('lists by priority, unacknowledged first within a priority, newest first, shelved last', () => {
    const list = [
      occurrence('a/M1/1', 'low', 1, null), occurrence('b/M2/1', 'critical', 2, null),
      occurrence('c/M3/1', 'high', 3, null), occurrence('c/M4/1', 'high', 4, null), occurrence('d/M5/1', 'critical', 5, null),
    ];
    const actions: AlarmActionAt[] = [{ alarm: 'c/M4/1', action: 'acknowledge', at: 6 }, { alarm: 'd/M5/1', action: 'shelve', at: 6 }];
    expect(alarmList(list, actions, 10).map((v) => v.id)).toEqual(['b/M2/1', 'c/M3/1', 'c/M4/1', 'a/M1/1', 'd/M5/1']);
  });

  it('the recorder numbers occurrences per rule and source and closes them when the condition clears', () => {
    const rule: AlarmRule = { id: 'down', kind: 'machine-down', priority: 'high', margin: 0, points: 0 };
    const r = new AlarmRecorder();
    const pattern: [string, boolean, number][] = [['M1', true, 1], ['M1', true, 2], ['M2', true, 2], ['M1', false, 5], ['M1', true, 9]];
    for (const [source, active, t] of pattern) r.set(rule, source, active, t, '');
    expect(r.occurrences.map((o) => [o.id, o.raisedAt, o.clearedAt])).toEqual([['down/M1/1', 1, 5], ['down/M2/1', 2, null], ['down/M1/2', 9, null]]);
  });
});

describe('scoring', () => {
  it('judges a plant choice between the best (1) and the worst (0) alternative', () => {
    expect(plantQuality(10, 10, 30)).toBe(1);
    expect(plantQuality(30, 10, 30)).toBe(0);
    expect(plantQuality(15, 10, 30)).toBeCloseTo(0.75);
    expect(plantQuality(7, 7, 7)).toBe(1);
  });

  it('estimates fall off linearly to the tolerance; marked intervals score by overlap over union', () => {
    expect(estimateQuality(62, 70, 16)).toBeCloseTo(0.5);
    expect(estimateQuality(40, 70, 16)).toBe(0);
    expect(intervalQuality([0, 10], [5, 15])).toBeCloseTo(5 / 15);
    expect(intervalQuality([0, 10], [10, 20])).toBe(0);
  });

  it('takes hints and seconds over the limit (whole seconds) off the points, never below zero', () => {
    const d = { points: 100, hints: [{ text: 'a', cost: 10 }, { text: 'b', cost: 25 }], timeLimit: { seconds: 60, penaltyPerSecond: 2 } } as Parameters<typeof decisionPoints>[0];
    expect(decisionPoints(d, 1, { hints: 0, seconds: 60.9 }).earned).toBe(100);
    expect(decisionPoints(d, 1, { hints: 1, seconds: 70.5 })).toMatchObject({ hintCost: 10, timePenalty: 20, earned: 70 });
    expect(decisionPoints(d, 0.5, { hints: 5, seconds: 0 })).toMatchObject({ hintCost: 35, earned: 15 });
    expect(decisionPoints(d, 0.1, { hints: 2, seconds: 300 }).earned).toBe(0);
  });
});
