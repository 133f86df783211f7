import { describe, expect, it } from 'vitest';
import { LiveHistory } from '../../src/live/liveHistory.ts';
import { LiveStates, type LiveStatesOptions } from '../../src/live/liveStates.ts';
import { MqttSource } from '../../src/live/mqttSource.ts';
import { StateColumnsBuilder } from '../../src/live/stateColumns.ts';
import { matchTopic } from '../../src/live/topicMapping.ts';
import { FakeClient, FakeClock } from './fakeMqtt.ts';

const T = '2026-11-30T06:00:00.000Z';
const ms = Date.parse(T);
const HOUR = 3_600_000;
const ZERO = { applied: 0, late: 0, duplicates: 0, invalid: 0, future: 0, heartbeats: 0, clockSteps: 0, appliedAfterStep: 0 };

const states = (options: Partial<LiveStatesOptions> = {}): LiveStates => new LiveStates({ expectedPeriodMs: 1000, staleFactor: 3, ...options });
const msg = (tsMs: number, body: Record<string, unknown>): string => JSON.stringify({ ts: tsMs, ...body });
const topic = (id: string): string => `acme/plant-1/area/line/cell/${id}/state`;

describe('latest state by timestamp', () => {
  it('keeps the newest: late messages are not shown, duplicates counted, equal times with new content merged', () => {
    const s = states();
    expect(s.offer('m1', msg(ms + 2000, { state: 'processing', order: 'o-1' }), ms, 't')).toBe('applied');
    expect(s.offer('m1', msg(ms + 1000, { state: 'down' }), ms, 't')).toBe('late');
    expect(s.offer('m1', msg(ms + 2000, { order: 'o-1', state: 'processing' }), ms, 't')).toBe('duplicate');
    expect(s.offer('m1', msg(ms + 2000, { good: 5 }), ms, 't')).toBe('applied');
    expect(s.offer('m1', msg(ms + 3000, { state: 'blocked' }), ms, 't')).toBe('applied');
    expect(s.get('m1')).toMatchObject({ ts: ms + 3000, state: 'blocked', order: 'o-1', good: 5, stale: false, retained: false });
    expect(s.counters).toEqual({ ...ZERO, applied: 3, late: 1, duplicates: 1 });
  });

  it('ISO and epoch timestamps compare as instants', () => {
    const s = states();
    s.offer('m1', JSON.stringify({ ts: '2026-11-30T07:00:00+01:00', state: 'idle' }), ms, 't');
    expect(s.offer('m1', JSON.stringify({ ts: ms, state: 'idle' }), ms, 't')).toBe('duplicate');
  });

  it('bad payloads are counted with a problem naming the topic, and change nothing', () => {
    const s = states();
    expect(s.offer('m1', 'not json', ms, 'a/m1/state')).toBe('invalid');
    expect(s.offer('m1', JSON.stringify({ ts: ms, state: 'runing' }), ms, 'a/m1/state')).toBe('invalid');
    expect(s.offer('m1', JSON.stringify({ ts: ms }), ms, 'a/m1/state')).toBe('invalid');
    expect(s.offer('m1', '[1,2]', ms, 'a/m1/state')).toBe('invalid');
    expect(s.counters.invalid).toBe(4);
    expect(s.get('m1')).toBeUndefined();
    expect(s.problems[1]).toMatchObject({ file: 'a/m1/state', path: 'state' });
  });

  it('all valid events, late ones too, go to the history for the KPIs; duplicates do not', () => {
    const history = new StateColumnsBuilder();
    const s = states({ history });
    s.offer('m1', msg(ms + 2000, { state: 'processing' }), ms, 't');
    s.offer('m1', msg(ms + 1000, { state: 'down' }), ms, 't');
    s.offer('m1', msg(ms + 2000, { state: 'processing' }), ms, 't');
    expect(history.length).toBe(2);
  });

  it('the state start is kept while fields merge and moves when the state changes', () => {
    const s = states();
    s.offer('m1', msg(ms, { state: 'down', reason: 'jam' }), ms, 't');
    s.offer('m1', msg(ms + 5000, { state: 'down', reason: 'jam cleared' }), ms + 5000, 't');
    s.offer('m1', msg(ms + 6000, { good: 3 }), ms + 6000, 't');
    expect(s.get('m1')).toMatchObject({ state: 'down', reason: 'jam cleared', stateSince: ms });
    s.offer('m1', msg(ms + 9000, { state: 'processing' }), ms + 9000, 't');
    expect(s.get('m1')!.stateSince).toBe(ms + 9000);
  });
});

describe('staleness: by arrival for fresh messages, "last known" for the broker\'s retained copies', () => {
  it('goes stale after k expected periods without news and fresh again with the next message', () => {
    const s = states({ periods: { slow: 10_000 } });
    const seen: [string, boolean][] = [];
    s.subscribe((e, live) => seen.push([e, live.stale]));
    s.offer('m1', msg(ms, { state: 'idle' }), ms, 't');
    s.offer('slow', msg(ms, { state: 'idle' }), ms, 't');
    expect(s.checkStale(ms + 3000)).toEqual([]);
    expect(s.checkStale(ms + 3001)).toEqual(['m1']);
    expect(s.get('m1')!.stale).toBe(true);
    expect(s.checkStale(ms + 20_000)).toEqual([]);
    expect(s.checkStale(ms + 30_001)).toEqual(['slow']);
    s.offer('m1', msg(ms + 31_000, { state: 'idle' }), ms + 31_000, 't');
    expect(s.get('m1')!.stale).toBe(false);
    expect(seen.filter(([, stale]) => stale)).toEqual([['m1', true], ['slow', true]]);
  });

  it('a fresh message is judged by when it arrives, whatever its timestamp says', () => {
    const s = states();
    // The publisher's clock is an hour behind: the message is still news.
    s.offer('m1', msg(ms - HOUR, { state: 'processing' }), ms, 't');
    expect(s.get('m1')).toMatchObject({ stale: false, retained: false, heardAt: ms });
  });

  it('a retained copy keeps its state and is marked as such; old, it is stale at once; a live repeat makes it current', () => {
    const s = states();
    s.offer('m1', msg(ms - 2 * HOUR, { state: 'down', reason: 'spindle' }), ms, 't', true);
    expect(s.get('m1')).toMatchObject({ state: 'down', reason: 'spindle', retained: true, stale: true, heardAt: ms - 2 * HOUR });
    s.offer('m2', msg(ms - 500, { state: 'idle' }), ms, 't', true);
    expect(s.get('m2')).toMatchObject({ retained: true, stale: false });
    // The broker sending its copy again (a reconnect) is no news; the publisher repeating it is.
    expect(s.offer('m1', msg(ms - 2 * HOUR, { state: 'down', reason: 'spindle' }), ms + 1000, 't', true)).toBe('duplicate');
    expect(s.get('m1')).toMatchObject({ retained: true, stale: true });
    expect(s.offer('m1', msg(ms - 2 * HOUR, { state: 'down', reason: 'spindle' }), ms + 2000, 't')).toBe('duplicate');
    expect(s.get('m1')).toMatchObject({ retained: false, stale: false, heardAt: ms + 2000 });
  });

  it('changing the multiple changes which equipment is stale at a given time', () => {
    const connect = ms;
    const live = new LiveStates({ expectedPeriodMs: 1000, staleFactor: 5 });
    live.offer('quiet', JSON.stringify({ ts: connect, state: 'idle' }), connect, 't');
    live.offer('recent', JSON.stringify({ ts: connect + 4000, state: 'idle' }), connect + 4000, 't');
    const now = connect + 7000;
    expect(live.checkStale(now)).toEqual(['quiet']);
    expect(live.setStaleness(1000, 2, now)).toEqual(['recent']);
    expect(live.setStaleness(1000, 10, now).sort()).toEqual(['quiet', 'recent']);
    expect(live.setStaleness(500, 10, now)).toEqual(['quiet']);
    expect(live.staleAfterMs('quiet')).toBe(5000);
  });
});

describe('heartbeats', () => {
  it('the topic …/heartbeat is recognised with the prefix it covers', () => {
    expect(matchTopic('acme/plant-1/area/line/cell/m1/heartbeat')).toEqual({ kind: 'heartbeat', prefix: 'acme/plant-1/area/line/cell/m1' });
    expect(matchTopic('acme/plant-1/area/heartbeat')).toEqual({ kind: 'heartbeat', prefix: 'acme/plant-1/area' });
    expect(matchTopic('acme/plant-1/area/alive', { heartbeatLeaf: 'alive' })).toEqual({ kind: 'heartbeat', prefix: 'acme/plant-1/area' });
    expect(matchTopic('/heartbeat')).toEqual({ kind: 'other' });
  });

  it('keep an on-change publisher\'s equipment current, per equipment or for everything under a prefix', () => {
    const s = states();
    s.offer('m1', msg(ms, { state: 'processing' }), ms, topic('m1'));
    s.offer('m2', msg(ms, { state: 'idle' }), ms, topic('m2'));
    s.offer('other', msg(ms, { state: 'idle' }), ms, 'acme/plant-2/x/y/z/other/state');
    expect(s.heartbeat('acme/plant-1/area/line/cell/m1', '', ms + 2500, 'acme/plant-1/area/line/cell/m1/heartbeat')).toEqual(['m1']);
    expect(s.checkStale(ms + 3500).sort()).toEqual(['m2', 'other']);
    expect(s.heartbeat('acme/plant-1', JSON.stringify({ ts: ms + 4000, seq: 17 }), ms + 4000, 'acme/plant-1/heartbeat')?.toString()).toBe('m1,m2');
    expect([s.get('m1')!.stale, s.get('m2')!.stale, s.get('other')!.stale]).toEqual([false, false, true]);
    expect(s.get('m2')!.heardAt).toBe(ms + 4000);
    // Ten periods of steady state with a heartbeat every period: still current.
    for (let k = 1; k <= 10; k++) s.heartbeat('acme/plant-1', '', ms + 4000 + k * 1000, 'acme/plant-1/heartbeat');
    expect(s.checkStale(ms + 14_500)).toEqual([]);
    expect(s.get('m1')).toMatchObject({ state: 'processing', stale: false });
    expect(s.counters.heartbeats).toBe(12);
  });

  it('a retained heartbeat says nothing about now; a bad payload or a future time is counted and refused', () => {
    const s = states();
    s.offer('m1', msg(ms, { state: 'processing' }), ms, topic('m1'));
    expect(s.heartbeat('acme', '', ms + 5000, 'acme/heartbeat', true)).toEqual([]);
    expect(s.checkStale(ms + 5000)).toEqual(['m1']);
    expect(s.heartbeat('acme', '{"ts":', ms + 5000, 'acme/heartbeat')).toBe('invalid');
    expect(s.heartbeat('acme', '{"ts":"yesterday"}', ms + 5000, 'acme/heartbeat')).toBe('invalid');
    expect(s.heartbeat('acme', JSON.stringify({ ts: 1e300 }), ms + 5000, 'acme/heartbeat')).toBe('future');
    expect(s.get('m1')!.stale).toBe(true);
    expect(s.counters).toMatchObject({ heartbeats: 1, invalid: 2, future: 1 });
    expect(s.problems[0]).toMatchObject({ file: 'acme/heartbeat' });
  });

  it('reach the source through the heartbeat topic', () => {
    const clock = new FakeClock();
    const clients: FakeClient[] = [];
    const source = new MqttSource({ url: 'ws://x', topics: ['#'] }, { expectedPeriodMs: 1000, staleFactor: 2 }, {
      connect: (url, options) => { const c = new FakeClient(url, options); clients.push(c); return c; },
      clock,
    });
    source.start();
    const c = clients[0]!;
    c.emit('connect');
    c.message('acme/p/a/l/c/m1/state', { ts: clock.now(), state: 'processing' });
    c.message('acme/p/unknown/heartbeat', '');
    for (let k = 0; k < 5; k++) {
      clock.advance(1000);
      c.message('acme/p/a/l/c/m1/heartbeat', '');
    }
    expect(source.states.get('m1')).toMatchObject({ state: 'processing', stale: false });
    clock.advance(2500);
    expect(source.states.get('m1')!.stale).toBe(true);
    expect(source.counters).toMatchObject({ messages: 7, otherTopics: 0, unmatchedHeartbeats: 1 });
    source.stop();
  });
});

describe('clocks: a plausibility window ahead of the receiver, and publisher clocks that go back', () => {
  it('a timestamp far ahead of the receiver is refused and counted, and later messages still update the machine', () => {
    const s = states();
    s.offer('m1', msg(ms, { state: 'idle' }), ms, topic('m1'));
    expect(s.offer('m1', msg(1e300, { state: 'down' }), ms + 100, topic('m1'))).toBe('future');
    expect(s.offer('m1', JSON.stringify({ ts: '9999-12-31T23:59:59Z', state: 'down' }), ms + 200, topic('m1'))).toBe('future');
    expect(s.offer('m1', msg(ms + 5 * 60_000 + 301, { state: 'down' }), ms + 300, topic('m1'))).toBe('future');
    expect(s.offer('m1', msg(ms + 4 * 60_000, { state: 'setup' }), ms + 400, topic('m1'))).toBe('applied');
    expect(s.offer('m1', msg(ms + 4 * 60_000 + 1000, { state: 'processing' }), ms + 1400, topic('m1'))).toBe('applied');
    expect(s.get('m1')).toMatchObject({ state: 'processing', ts: ms + 4 * 60_000 + 1000 });
    expect(s.counters).toMatchObject({ future: 3, applied: 3 });
    expect(s.problems[0]).toMatchObject({ file: topic('m1'), path: 'ts', found: '1e+300' });
    expect(s.problems[1]!.found).toBe('9999-12-31T23:59:59.000Z');
    // A machine first heard with an absurd time is not created by it.
    expect(s.offer('m9', msg(1e300, { state: 'down' }), ms, topic('m9'))).toBe('future');
    expect(s.get('m9')).toBeUndefined();
  });

  it('the window is a setting', () => {
    const s = states({ futureToleranceMs: 1000 });
    expect(s.offer('m1', msg(ms + 1001, { state: 'idle' }), ms, 't')).toBe('future');
    expect(s.offer('m1', msg(ms + 1000, { state: 'idle' }), ms, 't')).toBe('applied');
  });

  it('a publisher restarted with its clock an hour back: one late message, then current on the new clock', () => {
    const history = new LiveHistory(ms);
    const s = states({ expectedPeriodMs: 2000, history });
    // Before the restart: the publisher's clock agrees with ours.
    for (let k = 0; k < 3; k++) s.offer('m1', msg(ms + k * 2000, { state: 'processing' }), ms + k * 2000, topic('m1'));
    const restart = ms + 6000;
    const newClock = (t: number): number => t - HOUR;
    expect(s.offer('m1', msg(newClock(restart), { state: 'down', reason: 'restart' }), restart, topic('m1'))).toBe('late');
    expect(s.get('m1')!.state).toBe('processing');
    expect(s.offer('m1', msg(newClock(restart + 2000), { state: 'down', reason: 'restart' }), restart + 2000, topic('m1'))).toBe('applied');
    expect(s.get('m1')).toMatchObject({ state: 'down', ts: newClock(restart + 2000), stateSince: newClock(restart), stale: false });
    expect(s.counters).toMatchObject({ late: 1, clockSteps: 1, appliedAfterStep: 1, applied: 4 });
    // From now on the new clock is the reference: its messages are plainly newer.
    expect(s.offer('m1', msg(newClock(restart + 4000), { state: 'idle' }), restart + 4000, topic('m1'))).toBe('applied');
    expect(s.offer('m1', msg(newClock(restart + 3000), { state: 'setup' }), restart + 4100, topic('m1'))).toBe('late');
    // The history keeps one timeline, none of it an hour back: processing 6 s, down 3 s, the late
    // setup in its place for 1 s, idle after.
    const kpis = history.kpis('m1', restart + 5000)!;
    expect(kpis.timeInState.processing).toBe(6000);
    expect(kpis.timeInState.down).toBe(3000);
    expect(kpis.timeInState.setup).toBe(1000);
    expect(kpis.timeInState.idle).toBe(1000);
  });

  it('several machines behind one restarted publisher: the second late message confirms the step for all', () => {
    const s = states();
    const ids = ['m1', 'm2', 'm3', 'm4'];
    for (const id of ids) s.offer(id, msg(ms, { state: 'processing' }), ms, topic(id));
    const back = 30 * 60_000;
    const at = ms + 10_000;
    expect(s.offer('m1', msg(at - back, { state: 'idle' }), at, topic('m1'))).toBe('late');
    expect(s.offer('m2', msg(at + 5 - back, { state: 'idle' }), at + 5, topic('m2'))).toBe('applied');
    expect(s.offer('m3', msg(at + 9 - back, { state: 'idle' }), at + 12, topic('m3'))).toBe('applied');
    expect(ids.map((id) => s.get(id)!.state)).toEqual(['idle', 'idle', 'idle', 'processing']);
    expect(s.counters).toMatchObject({ late: 1, clockSteps: 1, appliedAfterStep: 1 });
  });

  it('a plainly late message stays late: a small lag, a retained copy, its own redelivery, or a newer message after it', () => {
    const history = new StateColumnsBuilder();
    const s = states({ history });
    s.offer('m1', msg(ms + 10_000, { state: 'processing' }), ms + 10_000, topic('m1'));
    // Less than the step tolerance behind: late, never a clock step.
    expect(s.offer('m1', msg(ms + 6000, { state: 'down' }), ms + 10_100, topic('m1'))).toBe('late');
    expect(s.offer('m1', msg(ms + 6500, { state: 'down' }), ms + 10_600, topic('m1'))).toBe('late');
    // A retained copy from long ago.
    expect(s.offer('m1', msg(ms - HOUR, { state: 'down' }), ms + 10_700, topic('m1'), true)).toBe('late');
    // A stored message delivered late, then redelivered (QoS 1): the redelivery is a duplicate, not a confirmation.
    expect(s.offer('m1', msg(ms - 60_000, { state: 'blocked' }), ms + 11_000, topic('m1'))).toBe('late');
    expect(s.offer('m1', msg(ms - 60_000, { state: 'blocked' }), ms + 11_001, topic('m1'))).toBe('duplicate');
    expect(s.offer('m1', msg(ms + 12_000, { state: 'processing', good: 4 }), ms + 12_000, topic('m1'))).toBe('applied');
    // Its pending message was late after all: it went into the history at its own time.
    expect(s.counters).toMatchObject({ clockSteps: 0, late: 4, duplicates: 1 });
    expect(history.length).toBe(6);
    expect(Array.from(history.build().time).sort((a, b) => a - b)[0]).toBe(ms - HOUR);
    // A later late message at another offset does not pair with the one already resolved.
    expect(s.offer('m1', msg(ms - 30_000, { state: 'blocked' }), ms + 12_100, topic('m1'))).toBe('late');
    expect(s.get('m1')!.state).toBe('processing');
  });

  it('a heartbeat on the new clock confirms a pending clock step of an on-change publisher', () => {
    const s = states({ expectedPeriodMs: 2000 });
    s.offer('m1', msg(ms, { state: 'processing' }), ms, topic('m1'));
    const at = ms + 4000;
    expect(s.offer('m1', msg(at - HOUR, { state: 'idle' }), at, topic('m1'))).toBe('late');
    s.heartbeat('acme/plant-1', JSON.stringify({ ts: at + 2000 - HOUR }), at + 2000, 'acme/plant-1/heartbeat');
    expect(s.get('m1')).toMatchObject({ state: 'idle', stale: false, ts: at - HOUR });
    expect(s.counters).toMatchObject({ clockSteps: 1, appliedAfterStep: 1 });
  });
});
