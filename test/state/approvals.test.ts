import { describe, expect, it } from 'vitest';
import { DispatchList, Schedule } from '../../src/model/scheduleSchema.ts';
import { createApprovals, memoryArchive, type HandToPublishing } from '../../src/state/approvals.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { problemOf, randomScenario } from '../solver/plant/plantFixture.ts';

const pp = problemOf(randomScenario(3));
const r = solvePlant(pp, { maxIterations: 50, seed: 1 });
const { schedule, dispatchList } = plantOutputs(pp, r, { createdAt: '2026-11-30T00:00:00Z' });

function approvals(publish: HandToPublishing = async () => {}) {
  const archive = memoryArchive();
  return { store: createApprovals(archive, publish), archive };
}
const request = (over: object = {}) => ({ scenarioId: 'week', approvedBy: 'A. Planner', reason: 'rush order', kpis: r.kpis, schedule, dispatchList, at: '2026-12-01T08:00:00Z', ...over });

describe('approving a plan', () => {
  it('freezes the dispatch list with a version id, supersedes the last one, and hands it to publishing before keeping it', async () => {
    const handed: Parameters<HandToPublishing>[0][] = [];
    const { store, archive } = approvals(async (h) => { handed.push(h); });
    const first = await store.getState().approve(request());
    expect(first.versionId).toBe('week-dl-0001');
    expect(first.supersedes).toBeNull();
    const second = await store.getState().approve(request({ reason: 'machine down', at: '2026-12-01T12:00:00Z' }));
    expect(second.versionId).toBe('week-dl-0002');
    expect(second.supersedes).toBe('week-dl-0001');
    expect(DispatchList.parse(second.dispatchList)).toMatchObject({ id: 'week-dl-0002', supersedes: 'week-dl-0001', approvedBy: 'A. Planner', createdAt: '2026-12-01T12:00:00Z' });
    expect(Schedule.parse(second.schedule).supersedes).toBe('week-dl-0001-schedule');
    expect(handed.map((h) => [h.versionId, h.supersedes, h.reason])).toEqual([['week-dl-0001', null, 'rush order'], ['week-dl-0002', 'week-dl-0001', 'machine down']]);
    expect(store.getState().latestFor('week')!.versionId).toBe('week-dl-0002');
    // A reload reads the archive back in approval order.
    const again = createApprovals(archive, async () => {});
    await again.getState().load();
    expect(again.getState().latestFor('week')!.versionId).toBe('week-dl-0002');
  });

  it('refuses without a name or a reason, a used or malformed version id, and keeps nothing when publishing refuses', async () => {
    const { store } = approvals();
    await expect(store.getState().approve(request({ approvedBy: '  ' }))).rejects.toThrow(/Name who approves/);
    await expect(store.getState().approve(request({ reason: '' }))).rejects.toThrow(/Give a reason/);
    await expect(store.getState().approve(request({ versionId: 'v 1' }))).rejects.toThrow(/may hold letters/);
    await store.getState().approve(request({ versionId: 'v1' }));
    await expect(store.getState().approve(request({ versionId: 'v1' }))).rejects.toThrow(/approved before/);
    const refusing = approvals(async () => { throw new Error('the outbox refused: bad list'); });
    await expect(refusing.store.getState().approve(request())).rejects.toThrow(/outbox refused/);
    expect(refusing.store.getState().approved).toEqual([]);
  });
});
