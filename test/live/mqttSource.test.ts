import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/live/backoff.ts';
import { MqttSource, type ConnectionStatus } from '../../src/live/mqttSource.ts';
import { matchTopic, topicFilter } from '../../src/live/topicMapping.ts';
import { FakeClient, FakeClock } from './fakeMqtt.ts';

describe('topics to equipment', () => {
  it('the segment before /state is the equipment; a prefix map overrides, longest prefix first', () => {
    expect(topicFilter('acme', 'plant-1')).toBe('acme/plant-1/#');
    expect(matchTopic('acme/plant-1/press-shop/line-2/cell-3/press-7/state')).toEqual({ kind: 'state', equipment: 'press-7' });
    const mapping = { prefixes: { 'acme/plant-1/press-shop': 'generic', 'acme/plant-1/press-shop/line-2/cell-3/press-7': 'P7' } };
    expect(matchTopic('acme/plant-1/press-shop/line-2/cell-3/press-7/state', mapping)).toEqual({ kind: 'state', equipment: 'P7' });
    expect(matchTopic('acme/plant-1/press-shop/line-2/cell-3/press-8/state', mapping)).toEqual({ kind: 'state', equipment: 'generic' });
    expect(matchTopic('acme/plant-1/press-shop-2/x/state', mapping)).toEqual({ kind: 'state', equipment: 'x' });
  });

  it('other topics and Sparkplug B are recognised, not mistaken for states', () => {
    expect(matchTopic('acme/plant-1/line-2/press-7/temperature')).toEqual({ kind: 'other' });
    expect(matchTopic('spBv1.0/acme/DDATA/edge-1/press-7')).toEqual({ kind: 'sparkplug' });
    expect(matchTopic('a/b/STATUS', { leaf: 'STATUS' })).toEqual({ kind: 'state', equipment: 'b' });
  });
});

describe('back-off', () => {
  it('doubles from the base up to the cap, less the jitter', () => {
    const settings = { baseMs: 500, capMs: 30_000, jitter: 0.2 };
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffDelay(n, settings, () => 0))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
    expect(backoffDelay(3, settings, () => 1)).toBe(1600);
  });
});

describe('the MQTT source as a state machine', () => {
  function setup() {
    const clock = new FakeClock();
    const clients: FakeClient[] = [];
    const source = new MqttSource(
      { url: 'ws://127.0.0.1:9001', clientId: 'twin-1', username: 'u', password: 'p', topics: ['acme/plant-1/#'] },
      { expectedPeriodMs: 1000, staleFactor: 3 },
      { connect: (url, options) => { const c = new FakeClient(url, options); clients.push(c); return c; }, clock, random: () => 0, equipment: new Set(['press-7']) },
    );
    const statuses: ConnectionStatus[] = [];
    source.onStatus((s) => statuses.push(s));
    return { clock, clients, source, statuses };
  }

  it('connects with the settings, subscribes at QoS 1 on connect, with MQTT.js reconnect switched off', () => {
    const { clients, source } = setup();
    source.start();
    const c = clients[0]!;
    expect(c.url).toBe('ws://127.0.0.1:9001');
    expect(c.options).toMatchObject({ clientId: 'twin-1', username: 'u', password: 'p', reconnectPeriod: 0 });
    expect(source.status.phase).toBe('connecting');
    c.emit('connect');
    expect(source.status.phase).toBe('connected');
    expect(c.subscriptions).toEqual([{ topics: ['acme/plant-1/#'], qos: 1 }]);
  });

  it('applies messages of layout equipment, counts the rest by kind', () => {
    const { clients, source, clock } = setup();
    source.start();
    const c = clients[0]!;
    c.emit('connect');
    c.message('acme/plant-1/a/l/c/press-7/state', { ts: clock.now(), state: 'processing' });
    c.message('acme/plant-1/a/l/c/press-9/state', { ts: clock.now(), state: 'processing' });
    c.message('acme/plant-1/a/l/c/press-7/temperature', '21.5');
    c.message('spBv1.0/acme/NDATA/edge', 'binary');
    c.message('acme/plant-1/a/l/c/press-7/state', '{"ts":');
    expect(source.states.get('press-7')?.state).toBe('processing');
    expect(source.counters).toEqual({ messages: 5, unmapped: 1, otherTopics: 1, sparkplug: 1, unmatchedHeartbeats: 0 });
    expect(source.states.counters.invalid).toBe(1);
  });

  it('after the connection drops it waits with growing back-off, reconnects itself, and resets the count once connected', () => {
    const { clients, source, clock, statuses } = setup();
    source.start();
    const c = clients[0]!;
    c.emit('connect');
    c.emit('error', new Error('connection reset'));
    c.emit('close');
    expect(source.status).toMatchObject({ phase: 'waiting', attempt: 1, retryAt: clock.now() + 500, lastError: 'connection reset' });
    clock.advance(499);
    expect(c.reconnects).toBe(0);
    clock.advance(1);
    expect(c.reconnects).toBe(1);
    expect(source.status.phase).toBe('connecting');
    c.emit('close');
    expect(source.status).toMatchObject({ phase: 'waiting', attempt: 2, retryAt: clock.now() + 1000 });
    clock.advance(1000);
    c.emit('close');
    expect(source.status.attempt).toBe(3);
    clock.advance(2000);
    c.emit('connect');
    expect(source.status).toMatchObject({ phase: 'connected', attempt: 0 });
    expect(c.reconnects).toBe(3);
    expect(c.subscriptions).toHaveLength(2);
    expect(statuses.map((s) => s.phase)).toEqual(['connecting', 'connected', 'waiting', 'connecting', 'waiting', 'connecting', 'waiting', 'connecting', 'connected']);
  });

  it('a new stale threshold applies at once and its timer follows the new period', () => {
    const { clients, source, clock } = setup();
    source.start();
    const c = clients[0]!;
    c.emit('connect');
    c.message('acme/plant-1/a/l/c/press-7/state', { ts: clock.now(), state: 'idle' });
    clock.advance(1200);
    source.setStaleness(1000, 1);
    expect(source.states.get('press-7')!.stale).toBe(true);
    source.setStaleness(60_000, 5);
    expect(source.states.get('press-7')!.stale).toBe(false);
    // Past 300 s without news at 300.2 s, but the check now runs every 30 s (from 1.2 s), not every
    // 0.5 s: the next check, at 301.2 s, finds it stale.
    clock.advance(299_000);
    expect(source.states.get('press-7')!.stale).toBe(false);
    clock.advance(1000);
    expect(source.states.get('press-7')!.stale).toBe(true);
    source.stop();
  });

  it('marks equipment stale on its own timer and stops cleanly', () => {
    const { clients, source, clock } = setup();
    source.start();
    const c = clients[0]!;
    c.emit('connect');
    c.message('acme/plant-1/a/l/c/press-7/state', { ts: clock.now(), state: 'idle' });
    clock.advance(3500);
    expect(source.states.get('press-7')!.stale).toBe(true);
    source.stop();
    expect(c.ended).toBe(true);
    expect(source.status.phase).toBe('stopped');
    c.emit('close');
    expect(source.status.phase).toBe('stopped');
    expect(clock.pending()).toEqual([]);
  });

  it('tells a consumer every connection event and message in order; a persistent session is MQTT 5 and expires', () => {
    const clock = new FakeClock();
    const clients: FakeClient[] = [];
    const source = new MqttSource(
      { url: 'mqtt://h', clientIdPrefix: 'rec-', topics: ['#'], clean: false },
      { expectedPeriodMs: 1000, staleFactor: 3 },
      { connect: (url, options) => { const c = new FakeClient(url, options); clients.push(c); return c; }, clock, random: () => 0.5 },
    );
    const events: string[] = [];
    source.onEvent((e) => events.push(e.kind === 'message' ? `message ${e.topic}` : e.kind === 'connected' ? `connected reconnect=${e.reconnect} session=${e.sessionPresent}` : `${e.kind}${'error' in e && e.error ? ` ${e.error}` : ''}`));
    source.start();
    const c = clients[0]!;
    expect(c.options).toMatchObject({ clientId: 'rec-8000000080000000', clean: false, protocolVersion: 5, properties: { sessionExpiryInterval: 3600 } });
    c.emit('connect', { sessionPresent: false });
    c.message('a/b/c/d/e/m/state', { ts: 1, state: 'idle' });
    c.emit('error', new Error('connection reset'));
    c.emit('close');
    clock.advance(500);
    c.emit('connect', { sessionPresent: true });
    expect(events).toEqual([
      'connected reconnect=false session=false', 'subscribed', 'message a/b/c/d/e/m/state',
      'lost connection reset', 'connected reconnect=true session=true', 'subscribed',
    ]);
  });
});
