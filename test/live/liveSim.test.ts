import { connect } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { main } from '../../src/cli/main.ts';
import { matchTopic } from '../../src/live/topicMapping.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { startMosquitto, waitFor, type Broker } from './mosquitto.ts';

const SCENARIO = 'scenarios/kitchen-hardware-week.json';

let broker: Broker;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

describe('plant-twin live-sim', () => {
  it('publishes the trace\'s state changes in order, retained, to unified-namespace topics', async () => {
    const sub = connect(broker.tcpUrl, { clientId: 'live-sim-sub', reconnectPeriod: 0 });
    const heard: { topic: string; payload: { ts: number; state: string; order?: string } }[] = [];
    sub.on('message', (topic, payload) => heard.push({ topic, payload: JSON.parse(payload.toString()) as never }));
    await new Promise<void>((resolve) => sub.once('connect', () => resolve()));
    await sub.subscribeAsync('acme/#', { qos: 1 });

    const lines: string[] = [];
    const code = await main(['live-sim', SCENARIO, '--broker', broker.tcpUrl, '--speed', '600000', '--seed', '7', '--horizon', '480', '--enterprise', 'acme'], {
      out: (t) => lines.push(t), err: () => undefined,
    });
    expect(code).toBe(0);

    const input = await loadInputFile(SCENARIO);
    const plant = input.value?.kind === 'plant' ? input.value.plant : undefined;
    const trace = simulatePlant(plant!, { trace: true, seed: 7, horizon: 480, warmup: 0 }).trace!;
    const expected = Array.from(trace.stateTime, (minute, i) => ({
      minute,
      equipment: trace.equipment[trace.stateEquipment[i]!]!,
      state: trace.states[trace.stateCode[i]!]!,
    }));
    expect(expected.length).toBeGreaterThan(20);
    await waitFor('every state change', () => heard.length >= expected.length);
    expect(lines.join('\n')).toContain(`${expected.length} state changes published`);

    const start = Date.parse(plant!.scenario!.start);
    const got = heard.map((m) => {
      const match = matchTopic(m.topic);
      return { minute: (m.payload.ts - start) / 60_000, equipment: match.kind === 'state' ? match.equipment : '?', state: m.payload.state };
    });
    expect(got).toEqual(expected.map((e) => ({ ...e, minute: Math.round(e.minute * 60_000) / 60_000 })));
    expect(heard[0]!.topic.split('/')).toHaveLength(7);
    expect(heard.some((m) => m.payload.state === 'processing' && typeof m.payload.order === 'string')).toBe(true);
    sub.end(true);

    // A late subscriber still learns each machine's current state: the messages were retained.
    const late = connect(broker.tcpUrl, { clientId: 'live-sim-late', reconnectPeriod: 0 });
    const retained = new Map<string, string>();
    late.on('message', (topic, payload, packet) => { if (packet.retain) retained.set(topic, (JSON.parse(payload.toString()) as { state: string }).state); });
    await new Promise<void>((resolve) => late.once('connect', () => resolve()));
    await late.subscribeAsync('acme/#', { qos: 1 });
    const current = new Map<string, string>();
    for (const m of heard) current.set(m.topic, m.payload.state);
    await waitFor('the retained states', () => retained.size === current.size);
    expect(retained).toEqual(current);
    late.end(true);
  });
});
