import { connect, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MqttSource } from '../../src/live/mqttSource.ts';
import { startMosquitto, waitFor, type Broker } from './mosquitto.ts';

const TOPIC = 'acme/plant-1/press-shop/line-2/cell-3/press-7/state';

let broker: Broker;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

async function publisher(url: string): Promise<MqttClient> {
  const client = connect(url, { clientId: `pub-${process.pid}`, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

describe('live states through a real Mosquitto broker over WebSocket', () => {
  it('applies states by timestamp, resolves duplicates, marks stale, and reconnects after the broker dies', async () => {
    const source = new MqttSource(
      { url: broker.url, clientId: 'twin-test', topics: ['acme/plant-1/#'], qos: 1, backoff: { baseMs: 100, capMs: 800, jitter: 0 } },
      { expectedPeriodMs: 200, staleFactor: 2 },
      { connect: (url, options) => connect(url, options) },
    );
    const phases: string[] = [];
    source.onStatus((s) => phases.push(s.phase));
    source.start();
    try {
      await waitFor('the source to connect', () => source.status.phase === 'connected');
      const pub = await publisher(broker.url);
      const t = Date.now();
      const send = (offset: number, body: object) => pub.publishAsync(TOPIC, JSON.stringify({ ts: t + offset, ...body }), { qos: 1 });
      // Subscriptions take effect asynchronously; a first message shows the route is open. Probes the
      // broker accepted must have arrived before counting, or a late one is an extra duplicate.
      await waitFor('the subscription', async () => {
        await send(0, { state: 'idle' });
        return source.states.counters.applied > 0;
      });
      // One publisher's messages reach a subscriber in order: once a last one (another machine) is in, every probe is.
      await pub.publishAsync(TOPIC.replace('press-7', 'sync-1'), JSON.stringify({ ts: t, state: 'idle' }), { qos: 1 });
      await waitFor('the probes in flight', () => source.states.get('sync-1') !== undefined);
      const before = { ...source.states.counters };
      await send(3000, { state: 'processing', order: 'o-17' });
      await send(1000, { state: 'down', reason: 'jam' });
      await send(3000, { state: 'processing', order: 'o-17' });
      await send(2000, { state: 'idle' });
      await send(4000, { state: 'blocked' });
      await pub.publishAsync(TOPIC, 'not json', { qos: 1 });
      await waitFor('six messages', () => source.counters.messages >= 6 + before.applied + before.duplicates);
      expect(source.states.get('press-7')).toMatchObject({ ts: t + 4000, state: 'blocked', order: 'o-17' });
      expect(source.states.counters.applied - before.applied).toBe(2);
      expect(source.states.counters.late - before.late).toBe(2);
      expect(source.states.counters.duplicates - before.duplicates).toBe(1);
      expect(source.states.counters.invalid).toBe(1);

      await waitFor('press-7 to go stale', () => source.states.get('press-7')?.stale === true);

      await broker.kill();
      await waitFor('the source to notice the broker is gone', () => source.status.phase === 'waiting');
      await new Promise((r) => setTimeout(r, 300));
      expect(source.status.attempt).toBeGreaterThanOrEqual(2);
      await broker.restart();
      await waitFor('the source to reconnect', () => source.status.phase === 'connected', 15_000);
      expect(source.status.attempt).toBe(0);
      pub.end(true);
      const pub2 = await publisher(broker.url);
      await waitFor('a state after the restart', async () => {
        await pub2.publishAsync(TOPIC, JSON.stringify({ ts: Date.now() + 10_000, state: 'processing' }), { qos: 1 });
        return source.states.get('press-7')?.state === 'processing';
      });
      expect(source.states.get('press-7')!.stale).toBe(false);
      expect(phases).toEqual(expect.arrayContaining(['connecting', 'connected', 'waiting']));
      pub2.end(true);
    } finally {
      source.stop();
    }
  });
});
