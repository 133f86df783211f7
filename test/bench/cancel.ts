/**
 * bench:cancel — the schedule worker's side of a Cancel: the worker's API (scheduleApi, as the
 * worker runs it, in this process) schedules a sample plant and is cancelled at given moments;
 * prints, per moment, the milliseconds from the cancel message to the result (schedule, dispatch
 * list and outputs made), the phase it hit (constructions or search), and when the first progress
 * (best value and bound) came. One JSON line per cancel. Options: --scenario FILE (default
 * electronics-smt, ~2,800 operations), --at MS (repeatable; default 150, 400, 1000, 3000).
 */
import { parseArgs } from 'node:util';
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { scheduleApi } from '../../src/workers/scheduleApi.ts';
import { SolveCancelledError } from '../../solver/plant/solvePlant.ts';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'scenarios/electronics-smt-week.json' }, at: { type: 'string', multiple: true } } });
const input = await loadInputFile(values.scenario);
const scenario = input.value?.kind === 'plant' ? input.value.plant.scenario : undefined;
if (input.value?.kind !== 'plant' || scenario === undefined) throw new Error(`${values.scenario}: not a plant scenario`);
const plant = { layout: input.value.plant.layout, scenario };
const api = scheduleApi();
for (const at of (values.at ?? ['150', '400', '1000', '3000']).map(Number)) {
  const t0 = performance.now();
  let firstProgress: number | null = null;
  let iterations = 0;
  let cancelledAt = 0;
  // The cancel arrives as a message does: when the solve gives the event loop a turn.
  const timer = setTimeout(() => { cancelledAt = performance.now(); api.cancel(); }, at);
  let r: Awaited<ReturnType<typeof api.schedule>> | null = null;
  try {
    r = await api.schedule(plant, { timeLimitMs: 60_000 }, (p) => { firstProgress ??= performance.now() - t0; iterations = p.iteration; });
  } catch (e) {
    if (!(e instanceof SolveCancelledError)) throw e;
  }
  const done = performance.now();
  clearTimeout(timer);
  console.log(JSON.stringify({
    scenario: scenario.id,
    operations: r?.schedule.operations.length ?? null,
    cancelAtMs: at,
    phase: r === null ? 'before the first schedule (none returned)' : iterations > 0 || r.iterations > 0 ? 'search' : 'constructions',
    cancelToResultMs: Math.round(done - cancelledAt),
    firstProgressMs: firstProgress === null ? null : Math.round(firstProgress),
  }));
}
