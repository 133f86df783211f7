import { connect, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MqttSource } from '../../src/live/mqttSource.ts';
import { startMosquitto, waitFor, type Broker } from './mosquitto.ts';

const PREFIX = 'acme/plant-1/machining/line-1/cell-1';
const topic = (id: string): string => `${PREFIX}/${id}/state`;
const HOUR = 3_600_000;

let broker: Broker;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

async function publisher(name: string): Promise<MqttClient> {
  const client = connect(broker.tcpUrl, { clientId: `${name}-${process.pid}`, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

function twin(periodMs: number): MqttSource {
  return new MqttSource(
    { url: broker.url, topics: ['acme/plant-1/#'], qos: 1 },
    { expectedPeriodMs: periodMs, staleFactor: 3 },
    { connect: (url, options) => connect(url, options) },
  );
}

describe('publisher clocks through a real Mosquitto', () => {
  it('a state stamped 1e300 is refused and counted, and the machine keeps updating', async () => {
    const source = twin(60_000);
    source.start();
    const pub = await publisher('clock-1e300');
    try {
      await waitFor('the source to connect', () => source.status.phase === 'connected');
      await waitFor('the subscription', async () => {
        await pub.publishAsync(topic('lathe-1'), JSON.stringify({ ts: Date.now(), state: 'idle' }), { qos: 1 });
        return source.states.get('lathe-1')?.state === 'idle';
      });
      await pub.publishAsync(topic('lathe-1'), JSON.stringify({ ts: 1e300, state: 'down' }), { qos: 1 });
      await pub.publishAsync(topic('lathe-1'), JSON.stringify({ ts: '9999-12-31T23:59:59Z', state: 'down' }), { qos: 1 });
      await waitFor('both refused', () => source.states.counters.future === 2);
      for (const state of ['processing', 'setup', 'processing'] as const) {
        await pub.publishAsync(topic('lathe-1'), JSON.stringify({ ts: Date.now(), state }), { qos: 1 });
        await waitFor(`lathe-1 to show ${state}`, () => source.states.get('lathe-1')?.state === state);
      }
      expect(source.states.get('lathe-1')!.ts).toBeLessThanOrEqual(Date.now());
      expect(source.states.counters).toMatchObject({ future: 2, late: 0 });
    } finally {
      pub.end(true);
      source.stop();
    }
  });

  it('a publisher restarted with its clock an hour back: machines current again within one expected period', async () => {
    const period = 2000;
    const ids = ['mill-1', 'mill-2', 'mill-3'];
    const source = twin(period);
    source.start();
    await waitFor('the source to connect', () => source.status.phase === 'connected');
    const first = await publisher('clock-before');
    await waitFor('the subscription', async () => {
      for (const id of ids) await first.publishAsync(topic(id), JSON.stringify({ ts: Date.now(), state: 'processing' }), { qos: 1, retain: true });
      return ids.every((id) => source.states.get(id)?.state === 'processing');
    });
    await first.endAsync();
    // The restarted publisher announces its machines at once, then reports every period.
    const second = await publisher('clock-after');
    const restartedAt = Date.now();
    const send = async (state: string): Promise<void> => {
      for (const id of ids) await second.publishAsync(topic(id), JSON.stringify({ ts: Date.now() - HOUR, state }), { qos: 1, retain: true });
    };
    const ticker = setInterval(() => void send('idle'), period);
    try {
      await send('idle');
      await waitFor('every machine to show the restarted publisher\'s state', () => ids.every((id) => source.states.get(id)?.state === 'idle'), 5_000);
      const current = Date.now() - restartedAt;
      expect(current).toBeLessThanOrEqual(period);
      expect(ids.every((id) => source.states.get(id)!.stale === false)).toBe(true);
      expect(source.states.counters.late).toBeGreaterThanOrEqual(1);
      expect(source.states.counters.clockSteps).toBe(1);
      // Later messages on the new clock apply as usual.
      clearInterval(ticker);
      await second.publishAsync(topic('mill-2'), JSON.stringify({ ts: Date.now() - HOUR, state: 'down' }), { qos: 1, retain: true });
      await waitFor('mill-2 down', () => source.states.get('mill-2')?.state === 'down');
    } finally {
      clearInterval(ticker);
      second.end(true);
      source.stop();
    }
  });
});
