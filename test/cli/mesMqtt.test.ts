import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { AuditEntry } from '../../src/mes/auditEntry.ts';
import { freePort, startMosquitto, waitFor, type Broker } from '../live/mosquitto.ts';
import { startReceiver, type CliProcess } from './mesProcesses.ts';

const LAYOUT = new URL('../../layouts/kitchen-hardware.json', import.meta.url).pathname;
let broker: Broker;
let dir: string;

beforeAll(async () => {
  broker = await startMosquitto();
  dir = mkdtempSync(join(tmpdir(), 'plant-twin-mes-mqtt-'));
});
afterAll(async () => {
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
});

function list(id: string, supersedes: string | null) {
  return {
    format: 'plant-twin/dispatch', version: 1, id, supersedes, schedule: 's', createdAt: '2026-11-29T17:05:00Z',
    equipment: ['LASER-01', 'PB-01'].map((equipment) => ({ equipment, jobs: [{ sequence: 1, order: `o-${id}`, product: 'p', operation: 'op10', quantity: 5, plannedStart: '2026-11-30T06:00:00Z', plannedEnd: '2026-11-30T07:00:00Z' }] })),
  };
}

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  return { code, lines };
}

describe('publishing over MQTT to a real Mosquitto', () => {
  it('publishes each accepted work centre QoS 1, retained, on its ISA-95 topic, with the version id', async () => {
    const outbox = join(dir, 'outbox');
    for (const [id, supersedes] of [['dl-1', null], ['dl-2', 'dl-1']] as const) {
      const file = join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify(list(id, null)));
      // dl-2 is approved after dl-1 was published, so dl-1 is not withdrawn: both reach the topics, in order.
      expect((await run(['approve', file, '--by', 'A', '--reason', 'r', '--outbox', outbox, '--layout', LAYOUT, '--supersedes', supersedes ?? 'none'])).code).toBe(0);
      if (id === 'dl-1') {
        const port = await freePort();
        let receiver: CliProcess | undefined;
        try {
          receiver = await startReceiver(['--port', String(port), '--store', join(dir, 'mes'), '--mqtt', broker.tcpUrl], dir);
          const live = await connectAsync(broker.tcpUrl, { clientId: 'watcher' });
          const heard: string[] = [];
          live.on('message', (topic, payload, packet) => heard.push(`${topic} ${JSON.parse(payload.toString()).id} qos${packet.qos}`));
          await live.subscribeAsync('SampleCo/#', { qos: 1 });
          const first = await run(['publish', '--outbox', outbox, '--rest', `http://127.0.0.1:${port}/`, '--mqtt', broker.tcpUrl]);
          expect(first.code, first.lines.join('\n')).toBe(0);
          await new Promise((r) => setTimeout(r, 300));
          expect(heard.sort()).toEqual([
            'SampleCo/KH/KH.FAB/KH.FAB.CUT/KH.FAB.CUT.LASER/LASER-01/dispatch dl-1 qos1',
            'SampleCo/KH/KH.FAB/KH.FAB.FORM/KH.FAB.FORM.BRAKE/PB-01/dispatch dl-1 qos1',
          ]);
          await live.endAsync();
        } finally {
          await receiver?.kill('SIGTERM');
        }
      }
    }
    const port = await freePort();
    // Restarted, it subscribes again and hears dl-1's retained lists again: still stored once.
    const receiver = await startReceiver(['--port', String(port), '--store', join(dir, 'mes'), '--mqtt', broker.tcpUrl], dir);
    try {
      const second = await run(['publish', '--outbox', outbox, '--rest', `http://127.0.0.1:${port}/`, '--mqtt', broker.tcpUrl]);
      expect(second.code, second.lines.join('\n')).toBe(0);
      expect(second.lines).toContain('dl-2: acknowledged, 1 attempt, MES: accepted "stored as list 2", MQTT 2/2 topics');
      const heard = () => readFileSync(join(dir, 'mes', 'received-mqtt.jsonl'), 'utf8').trim().split('\n').map((l) => { const j = JSON.parse(l); return `${j.id} ${j.workCentre}`; });
      await waitFor('the receiver to hear dl-2 over MQTT', () => heard().length >= 4);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard().sort()).toEqual(['dl-1 LASER-01', 'dl-1 PB-01', 'dl-2 LASER-01', 'dl-2 PB-01']);
    } finally {
      await receiver.kill('SIGTERM');
    }
    // A subscriber arriving later gets each work centre's current list: retained, the newest version.
    const late = await connectAsync(broker.tcpUrl, { clientId: 'late' });
    const retained = new Map<string, string>();
    late.on('message', (topic, payload, packet) => { if (packet.retain) retained.set(topic.split('/')[5]!, JSON.parse(payload.toString()).id); });
    await late.subscribeAsync('SampleCo/+/+/+/+/+/dispatch', { qos: 1 });
    await new Promise((r) => setTimeout(r, 300));
    await late.endAsync();
    expect(Object.fromEntries(retained)).toEqual({ 'LASER-01': 'dl-2', 'PB-01': 'dl-2' });
    const journal = readFileSync(join(outbox, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    expect(journal.filter((e) => e.type === 'delivered').map((e) => `${e.version} ${e.type === 'delivered' ? e.workCentre : ''}`))
      .toEqual(['dl-1 LASER-01', 'dl-1 PB-01', 'dl-2 LASER-01', 'dl-2 PB-01']);
  }, 120_000);
});
