import { describe, expect, it } from 'vitest';
import { Publisher, type MqttPublish } from '../../src/mes/publisher.ts';
import type { FetchLike } from '../../src/mes/restTransport.ts';
import { retryDelay, httpVerdict, retryAfterMs, DEFAULT_RETRY } from '../../src/mes/retryPolicy.ts';
import { FakeClock, MemoryOutbox } from './memoryOutbox.ts';
import { manyLists, smallList } from './sampleLists.ts';

const TOKEN = 'tok-0123456789-secret';
const POLICY = { baseMs: 100, capMs: 1600, timeoutMs: 1000 };

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';

/** A scripted MES: each request takes the next reply; records what it was sent. */
function scriptedMes(replies: Reply[], answer = (id: string) => ({ id, status: 'accepted', text: 'ok' })) {
  const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, headers: init.headers, body: init.body });
    const reply = replies.shift() ?? { status: 200 };
    if (reply === 'network') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const id = init.headers['Idempotency-Key']!;
    const body = reply.body === undefined ? (reply.status < 300 ? JSON.stringify(answer(id)) : '') : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return { status: reply.status, headers: { get: (n: string) => reply.headers?.[n] ?? null }, text: async () => body };
  };
  return { fetch, requests };
}

function publisher(outbox: MemoryOutbox, clock: FakeClock, fetch: FetchLike, mqtt?: MqttPublish) {
  return new Publisher({ store: outbox, clock, random: () => 0.5, fetch, rest: { url: 'https://user:pw@mes.example/dispatch', token: TOKEN }, mqtt, policy: POLICY });
}

describe('retry policy', () => {
  it('grows exponentially within [base/2, cap] and honours Retry-After as a floor', () => {
    expect(retryDelay(POLICY, 1, 0)).toBe(50);
    expect(retryDelay(POLICY, 1, 0.999)).toBe(100);
    expect(retryDelay(POLICY, 4, 0.999)).toBe(799);
    expect(retryDelay(POLICY, 40, 0.999)).toBe(1598);
    expect(retryDelay(POLICY, 1, 0, 5000)).toBe(5000);
    expect(retryDelay(DEFAULT_RETRY, 3, 0.5)).toBe(2250);
    expect([200, 201, 204].map(httpVerdict)).toEqual(['answer', 'answer', 'answer']);
    expect([408, 429, 500, 502, 503].map(httpVerdict)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect(httpVerdict(409)).toBe('wait');
    expect([400, 401, 403, 404, 413, 422].map(httpVerdict)).toEqual(['stop', 'stop', 'stop', 'stop', 'stop', 'stop']);
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('publisher', () => {
  it('retries network errors, 5xx, 408 and 429 with back-off, sending the same bytes under the same key', async () => {
    const outbox = new MemoryOutbox();
    const clock = new FakeClock();
    const v = await outbox.approve(manyLists(1)[0]!, '2026-11-29T18:00:00Z');
    const mes = scriptedMes(['network', { status: 503 }, { status: 408 }, { status: 429, headers: { 'Retry-After': '7' } }, { status: 200 }]);
    const state = await publisher(outbox, clock, mes.fetch).run({ untilIdle: true });
    expect(mes.requests).toHaveLength(5);
    expect(new Set(mes.requests.map((r) => r.body))).toEqual(new Set([v.documents.b2mml]));
    expect(mes.requests.every((r) => r.headers['Idempotency-Key'] === v.id && r.headers.Authorization === `Bearer ${TOKEN}`)).toBe(true);
    // random 0.5: base/2 + half the span up to base × 2^(n−1); the 429's Retry-After of 7 s is the
    // floor of the fourth wait, slept in polls of a second (to hear new approvals meanwhile).
    expect(clock.slept).toEqual([75, 125, 225, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    const s = state.byId.get(v.id)!;
    expect(s.state).toBe('acknowledged');
    expect(s.rest.attempts).toBe(5);
    expect(s.workCentres.map((w) => [w.workCentre, w.state, w.text])).toEqual([['mill-1', 'acknowledged', 'ok'], ['lathe-1', 'acknowledged', 'ok']]);
    expect(outbox.entries.map((e) => e.type)).toEqual(['approved', 'attempt', 'attempt-failed', 'attempt', 'attempt-failed', 'attempt', 'attempt-failed', 'attempt', 'attempt-failed', 'attempt', 'answer']);
    const failures = outbox.entries.filter((e) => e.type === 'attempt-failed').map((e) => e.type === 'attempt-failed' && e.error);
    expect(failures).toEqual(['network error: fetch failed (ECONNRESET)', 'HTTP 503', 'HTTP 408', 'HTTP 429']);
  });

  it('waits out a 409 without growing the back-off, and stops on another 4xx with the MES\'s message', async () => {
    const outbox = new MemoryOutbox();
    const clock = new FakeClock();
    const [a, b] = manyLists(2);
    await outbox.approve(a!, '2026-11-29T18:00:00Z');
    await outbox.approve(b!, '2026-11-29T18:00:01Z');
    const mes = scriptedMes([{ status: 409, body: '' }, { status: 409, body: '' }, { status: 409, body: '' }, { status: 200 },
      { status: 422, body: { message: `work centre lathe-1 is unknown (token ${TOKEN})` } }]);
    const state = await publisher(outbox, clock, mes.fetch).run({ untilIdle: true });
    expect(clock.slept).toEqual([75, 75, 75]);
    expect(state.versions.map((v) => v.state)).toEqual(['acknowledged', 'failed']);
    expect(state.versions[1]!.rest.failed).toBe('HTTP 422: work centre lathe-1 is unknown (token ***)');
    expect(mes.requests).toHaveLength(5);
  });

  it('delivers versions one at a time in approval order and records the MES\'s answer per work centre', async () => {
    const outbox = new MemoryOutbox();
    const clock = new FakeClock();
    const lists = manyLists(3);
    for (const [i, l] of lists.entries()) await outbox.approve(l, `2026-11-29T18:00:0${i}Z`);
    const mes = scriptedMes([{ status: 503 }, { status: 200 }, { status: 200, body: { id: 'v-0002', status: 'modified', text: 'moved o1', workCentres: [{ workCentre: 'lathe-1', status: 'rejected', text: 'lathe down' }] } }, { status: 201, body: '' }]);
    const state = await publisher(outbox, clock, mes.fetch).run({ untilIdle: true });
    expect(mes.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['v-0001', 'v-0001', 'v-0002', 'v-0003']);
    const v2 = state.byId.get('v-0002')!;
    expect(v2.workCentres.map((w) => [w.workCentre, w.state, w.outcome, w.text])).toEqual([['mill-1', 'acknowledged', 'modified', 'moved o1'], ['lathe-1', 'rejected', 'rejected', 'lathe down']]);
    expect(v2.state).toBe('rejected');
    expect(state.byId.get('v-0003')!.rest.answer).toMatchObject({ outcome: 'accepted', text: 'HTTP 201', httpStatus: 201 });
  });

  it('refuses an answer for another version rather than acknowledging it', async () => {
    const outbox = new MemoryOutbox();
    await outbox.approve(manyLists(1)[0]!, '2026-11-29T18:00:00Z');
    const mes = scriptedMes([{ status: 200, body: { id: 'v-9999', status: 'accepted' } }]);
    const state = await publisher(outbox, new FakeClock(), mes.fetch).run({ untilIdle: true });
    expect(state.versions[0]!.state).toBe('failed');
    expect(state.versions[0]!.rest.failed).toBe('the MES answered for version v-9999, not v-0001');
  });

  it('never sends a version superseded before delivery, and says the successor supersedes it', async () => {
    const outbox = new MemoryOutbox();
    const clock = new FakeClock();
    const base = smallList();
    await outbox.approve({ ...base, id: 'dl-1', supersedes: null }, '2026-11-29T18:00:00Z');
    await outbox.approve({ ...base, id: 'dl-2', supersedes: 'dl-1' }, '2026-11-29T18:01:00Z');
    expect(outbox.entries.map((e) => e.type)).toEqual(['approved', 'approved', 'superseded']);
    expect(outbox.entries[2]).toMatchObject({ version: 'dl-1', by: 'dl-2', withdrawn: true });
    await expect(outbox.approve({ ...base, id: 'dl-3', supersedes: 'dl-1' }, '2026-11-29T18:02:00Z')).rejects.toThrow('version dl-1 is already superseded by dl-2; supersede dl-2 instead');
    await expect(outbox.approve({ ...base, id: 'dl-2', supersedes: null }, '2026-11-29T18:02:00Z')).rejects.toThrow('version dl-2 was already approved');
    const mes = scriptedMes([]);
    const state = await publisher(outbox, clock, mes.fetch).run({ untilIdle: true });
    expect(mes.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['dl-2']);
    expect(mes.requests[0]!.body).toContain("actionCode=\"Replaced\">JobList[Version='dl-1']");
    expect(state.byId.get('dl-1')!.state).toBe('withdrawn');
    expect(state.byId.get('dl-2')!.state).toBe('acknowledged');
  });

  it('publishes each accepted work centre on its topic after the MES answered, retrying the broker', async () => {
    const outbox = new MemoryOutbox();
    const clock = new FakeClock();
    const v = await outbox.approve(manyLists(1)[0]!, '2026-11-29T18:00:00Z');
    const published: string[] = [];
    let failOnce = true;
    const mqtt: MqttPublish = {
      target: 'mqtt://broker:1883',
      publish: async (topic, payload) => {
        if (failOnce) { failOnce = false; throw new Error('not connected to the broker'); }
        published.push(`${topic} ${JSON.parse(payload).id} ${JSON.parse(payload).equipment[0].equipment}`);
      },
    };
    const mes = scriptedMes([{ status: 200, body: { id: v.id, status: 'accepted', workCentres: [{ workCentre: 'lathe-1', status: 'rejected' }] } }]);
    const state = await publisher(outbox, clock, mes.fetch, mqtt).run({ untilIdle: true });
    expect(published).toEqual(['plant-twin/mill-1/dispatch v-0001 mill-1']);
    expect(state.versions[0]!.workCentres.map((w) => [w.state, w.mqttDelivered])).toEqual([['acknowledged', true], ['rejected', false]]);
    expect(state.versions[0]!.mqtt.lastError).toBe('MQTT: not connected to the broker');
  });

  it('keeps the token and URL credentials out of every journal entry', async () => {
    const outbox = new MemoryOutbox();
    await outbox.approve(manyLists(1)[0]!, '2026-11-29T18:00:00Z');
    const mes = scriptedMes([{ status: 500, body: { message: `bad Authorization: Bearer ${TOKEN}` } }, { status: 200, body: { id: 'v-0001', status: 'accepted', text: `token ${TOKEN}` } }]);
    await publisher(outbox, new FakeClock(), mes.fetch).run({ untilIdle: true });
    const journal = JSON.stringify(outbox.entries);
    expect(journal).not.toContain(TOKEN);
    expect(journal).not.toContain('user:pw');
    expect(journal).toContain('https://***@mes.example/dispatch');
  });
});
