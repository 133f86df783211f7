import { describe, expect, it } from 'vitest';
import { Layout } from '../../src/model/layoutSchema.ts';
import type { Plant } from '../../src/model/load.ts';
import { checkPlan } from '../../src/scheduling/edit.ts';
import { planKpis } from '../../src/scheduling/plan.ts';
import { createScheduling } from '../../src/state/scheduling.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { scheduleApi } from '../../src/workers/scheduleApi.ts';
import type { ScheduleClient } from '../../src/workers/scheduleClient.ts';
import { smallLayout } from '../fixtures/smallPlant.ts';
import { randomScenario } from '../solver/plant/plantFixture.ts';

const plant: Plant = { layout: Layout.parse(smallLayout), layoutFile: 'small.json', scenario: randomScenario(7), scenarioFile: 'small-week.json' };

/** The schedule worker's API in this thread: the same code the worker runs. */
function session() {
  const twin = createTwinStore(new Map());
  twin.setState({ plant });
  const api = scheduleApi();
  const client: ScheduleClient = { schedule: (s, o, p) => api.schedule(s, o, p), cancel: async () => api.cancel(), close: () => {} };
  const scheduling = createScheduling(twin, () => client, () => undefined);
  scheduling.getState().setSettings({ timeLimitS: 1 });
  return { twin, scheduling };
}

describe('the schedule session', () => {
  it('schedules the scenario on screen: a plan of every operation, the solver KPIs, EDD, bound and progress', async () => {
    const { scheduling } = session();
    await scheduling.getState().run();
    const s = scheduling.getState();
    expect(s.status).toBe('done');
    expect(s.plan!.machine.length).toBe(s.plan!.pp.problem.operations.length);
    expect(planKpis(s.plan!)).toEqual(s.facts!.kpis);
    expect(s.facts!.edd.lateOrders).toBeGreaterThanOrEqual(0);
    expect(s.facts!.lowerBound[0]).toBeLessThanOrEqual(s.progress.at(-1)!.best + 1e-9);
    expect(checkPlan(s.plan!)).toEqual([]);
  });

  it('snaps a refused drop back with the reason, keeps an accepted one (saying which pins the engine moved), and undoes and redoes it', async () => {
    const { scheduling } = session();
    await scheduling.getState().run();
    const plan = scheduling.getState().plan!;
    const ops = plan.pp.problem.operations;
    const single = ops.findIndex((o) => o.modes.length === 1);
    const elsewhere = plan.pp.equipment.findIndex((_, m) => m !== plan.machine[single]);
    const refused = scheduling.getState().drop(single, elsewhere, plan.start[single]!);
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/^Not eligible: /) });
    expect(scheduling.getState().plan).toBe(plan);

    // Dropped where its predecessor (on another machine) starts: the engine times it after that one, and says so.
    const op = ops.findIndex((o, v) => plan.pp.plant.machines[plan.machine[v]!]!.batch === null && o.predecessors.some((u) => plan.machine[u] !== plan.machine[v]));
    const before = ops[op]!.predecessors.find((u) => plan.machine[u] !== plan.machine[op])!;
    const early = scheduling.getState().tryMove(op, plan.machine[op]!, plan.start[before]!);
    expect(early).toMatchObject({ ok: true, moved: [expect.stringMatching(new RegExp(`^${plan.pp.orders[ops[op]!.job]!.id} ${plan.pp.operationIds[op]} begins `))] });
    expect(early.plan!.start[op]).toBeGreaterThanOrEqual(early.plan!.end[before]!);
    expect(scheduling.getState().plan).toBe(plan);

    const last = plan.pp.problem.jobs[0]!.operations.at(-1)!;
    const accepted = scheduling.getState().drop(last, plan.machine[last]!, Math.max(...plan.end) + 300);
    expect(accepted).toEqual({ ok: true, moved: [] });
    const edited = scheduling.getState().plan!;
    expect(checkPlan(edited)).toEqual([]);
    expect(planKpis(edited).makespan).toBeGreaterThan(planKpis(plan).makespan);
    scheduling.getState().undo();
    expect(scheduling.getState().plan).toBe(plan);
    scheduling.getState().redo();
    expect(scheduling.getState().plan).toBe(edited);
  });

  it('keeps a pinned operation where it is when re-optimising', async () => {
    const { scheduling } = session();
    await scheduling.getState().run();
    const plan = scheduling.getState().plan!;
    const last = plan.pp.problem.jobs.at(-1)!.operations.at(-1)!;
    expect(scheduling.getState().drop(last, plan.machine[last]!, Math.max(...plan.end) + 120)).toEqual({ ok: true, moved: [] });
    scheduling.getState().toggleLock(last);
    const pinned = scheduling.getState().plan!;
    const at = { machine: pinned.machine[last], start: pinned.start[last], end: pinned.end[last] };
    await scheduling.getState().reoptimise();
    const after = scheduling.getState();
    expect(after.status).toBe('done');
    expect(after.plan).not.toBe(pinned);
    expect({ machine: after.plan!.machine[last], start: after.plan!.start[last], end: after.plan!.end[last] }).toEqual(at);
    expect(after.plan!.locked[last]).toBe(1);
    expect(checkPlan(after.plan!)).toEqual([]);
    // The re-optimised plan is one more step: undo returns to the pinned one.
    after.undo();
    expect(scheduling.getState().plan).toBe(pinned);
  });

  it('says what is missing when asked to start from live states that are not there', async () => {
    const { scheduling } = session();
    scheduling.getState().setSettings({ startFrom: 'live' });
    await scheduling.getState().run();
    expect(scheduling.getState().status).toBe('failed');
    expect(scheduling.getState().error).toMatch(/Connect to live states/);
  });

  it('forgets the plan when another plant is opened', async () => {
    const { twin, scheduling } = session();
    await scheduling.getState().run();
    twin.setState({ plant: { ...plant, scenarioFile: 'other.json' } });
    expect(scheduling.getState().plan).toBeUndefined();
    expect(scheduling.getState().status).toBe('idle');
  });
});
