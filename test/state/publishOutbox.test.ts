import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { approveDispatchList, listVersions, ApprovalRefused } from '../../src/state/publish/approve.ts';
import { IndexedDbOutbox, MES_DATABASE } from '../../src/state/publish/outboxDb.ts';
import { publishSession } from '../../src/state/publish/publishSession.ts';
import { verifyChain } from '../../src/mes/auditChain.ts';
import { Publisher } from '../../src/mes/publisher.ts';
import type { FetchLike } from '../../src/mes/restTransport.ts';
import { freezeVersion } from '../../src/mes/version.ts';
import { FakeClock } from '../mes/memoryOutbox.ts';
import { manyLists, smallList } from '../mes/sampleLists.ts';

const TOKEN = 'page-token-9f8e7d6c';

async function dump(name: string): Promise<string> {
  const db = await openDB(name);
  const out = JSON.stringify({ versions: await db.getAll('versions'), journal: await db.getAll('journal') });
  db.close();
  return out;
}

describe('the page\'s outbox (IndexedDB)', () => {
  it('approves through the API the scheduling workspace calls: version and audit entry together', async () => {
    const list = smallList();
    const v = await approveDispatchList({ list: { ...list, supersedes: null }, versionId: 'dl-10', approvedBy: 'A. Planner', reason: 'night shift' });
    expect(v.id).toBe('dl-10');
    await approveDispatchList({ list, versionId: 'dl-11', supersedes: 'dl-10', approvedBy: 'A. Planner', reason: 'rush order' });
    const versions = await listVersions();
    expect(versions.map((x) => [x.id, x.state, x.supersededBy])).toEqual([['dl-10', 'withdrawn', 'dl-11'], ['dl-11', 'pending', null]]);
    const entries = await publishSession.getState().outbox.all();
    expect(entries.map((e) => e.type)).toEqual(['approved', 'approved', 'superseded']);
    expect(publishSession.getState().versions.map((x) => x.id)).toEqual(['dl-10', 'dl-11']);
    const stored = await publishSession.getState().outbox.loadVersion('dl-11');
    expect(stored.documents.b2mml).toContain('<BODID>dl-11</BODID>');
  });

  it('writes nothing when the approval is refused', async () => {
    const before = await dump(MES_DATABASE);
    await expect(approveDispatchList({ list: smallList(), versionId: 'dl-10', approvedBy: 'B', reason: 'again' })).rejects.toThrow(ApprovalRefused);
    await expect(approveDispatchList({ list: smallList(), versionId: 'dl-12', supersedes: 'dl-10', approvedBy: 'B', reason: 'fork' })).rejects.toThrow('already superseded by dl-11');
    await expect(approveDispatchList({ list: smallList(), versionId: 'dl-13', approvedBy: '', reason: '' })).rejects.toThrow(/name is empty/);
    expect(await dump(MES_DATABASE)).toBe(before);
  });

  it('keeps one chain when two tabs append at once', async () => {
    const a = new IndexedDbOutbox('two-tabs');
    const b = new IndexedDbOutbox('two-tabs');
    const lists = manyLists(10);
    await Promise.all(lists.map((l, i) => {
      const v = freezeVersion({ list: l, approvedBy: 'x', reason: 'y', approvedAt: '2026-11-29T18:00:00Z' });
      return (i % 2 ? a : b).approve(v, '2026-11-29T18:00:00Z');
    }));
    const entries = await a.all();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(verifyChain(entries.map((e) => JSON.stringify(e))).problems).toEqual([]);
  });

  it('drains to acknowledged through a flaky MES and never stores the token', async () => {
    const outbox = new IndexedDbOutbox('drain');
    for (const l of manyLists(3)) await outbox.approve(freezeVersion({ list: l, approvedBy: 'x', reason: 'y', approvedAt: '2026-11-29T18:00:00Z' }), '2026-11-29T18:00:00Z');
    let n = 0;
    const fetch: FetchLike = async (_url, init) => {
      n++;
      const ok = n % 2 === 0;
      const body = ok ? JSON.stringify({ id: init.headers['Idempotency-Key'], status: 'accepted', text: `echo ${init.headers.Authorization}` }) : `no: ${init.headers.Authorization}`;
      return { status: ok ? 200 : 503, headers: { get: () => null }, text: async () => body };
    };
    const publisher = new Publisher({ store: outbox, clock: new FakeClock(), random: () => 0, fetch, rest: { url: 'https://mes/', token: TOKEN }, policy: { baseMs: 10, capMs: 10, timeoutMs: 100 } });
    const state = await publisher.run({ untilIdle: true });
    expect(state.versions.map((v) => v.state)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(n).toBe(6);
    const db = await dump('drain');
    expect(db).toContain('echo Bearer ***');
    expect(db).not.toContain(TOKEN);
  });
});
