import type { Layout } from '../model/layoutSchema.ts';
import { Scenario } from '../model/scenarioSchema.ts';
import { compile } from '../../solver/compile.ts';
import { ruleContext } from '../../solver/construct.ts';
import { PlantFlow } from '../../solver/plant/flow.ts';
import { eddRule } from '../../solver/plant/flowRules.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { plantTimetable } from '../../solver/plant/plantTimetable.ts';
import { planFromTimetable, type Plan } from '../scheduling/plan.ts';
import { generateBenchLayout } from './benchPlant.ts';

const STEPS = 5;
const MACHINES_PER_STEP = 8;
const FAMILIES = ['A', 'B', 'C', 'D'];

/**
 * A generated plant with `operations` operations to schedule, for the Gantt benchmark: 40
 * machines in five steps of eight, orders of five operations each eligible on two machines of
 * its step, four families with changeovers, two shifts on weekdays. The plan is EDD dispatching
 * by the solver's own construction, so it passes the plant checker like any solver plan.
 */
export function generateBenchSchedule(operations: number): { layout: Layout; scenario: Scenario; plan: Plan } {
  const machines = STEPS * MACHINES_PER_STEP;
  const layout = generateBenchLayout(machines);
  const ids = layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => e.id))));
  const orders = Math.max(1, Math.round(operations / STEPS));
  const products = FAMILIES.flatMap((f, k) => [0, 1].map((v) => ({ id: `P${k}${v}`, name: `Product ${f}${v}`, family: f, routing: `R${v}` })));
  const routing = (v: number) => ({
    id: `R${v}`,
    operations: Array.from({ length: STEPS }, (_, s) => ({
      id: `op${(s + 1) * 10}`,
      capability: `step${s + 1}`,
      equipment: [0, 1].map((k) => ({ equipment: ids[s * MACHINES_PER_STEP + ((v * 2 + k * 3 + s) % MACHINES_PER_STEP)]!, time: { type: 'constant' as const, value: 3 + ((s + k + v) % 4) } })),
    })),
  });
  const start = Date.UTC(2026, 10, 30, 6);
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const span = (orders * STEPS * 45) / machines;
  const scenario = Scenario.parse({
    format: 'plant-twin/scenario', version: 1, id: `bench-${operations}`, name: `Generated plan, ${operations} operations`, layout: 'bench.json',
    start: at(0),
    products,
    routings: [routing(0), routing(1)],
    setupMatrices: Array.from({ length: STEPS }, (_, s) => ({
      id: `setup-${s + 1}`, equipment: ids.slice(s * MACHINES_PER_STEP, (s + 1) * MACHINES_PER_STEP), keys: FAMILIES,
      times: FAMILIES.map((_, a) => FAMILIES.map((__, b) => (a === b ? 5 : 20 + 5 * Math.abs(a - b)))), initial: 15,
    })),
    orders: Array.from({ length: orders }, (_, i) => {
      const release = Math.floor((i / orders) * span);
      return { id: `O${String(i + 1).padStart(5, '0')}`, product: products[(i * 7) % products.length]!.id, quantity: 10, release: at(release), due: at(release + 2880 + (i % 5) * 720), priority: 1 + (i % 10) };
    }),
    calendars: [{ id: 'two-shifts', shifts: [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }, { name: 'late', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] }] }],
    equipmentCalendars: { default: 'two-shifts' },
    experiment: { horizon: Math.ceil(span * 1.5 + 2880) },
  });
  const pp = plantProblem({ layout, layoutFile: 'bench layout', scenario });
  const c = compile(pp.problem);
  const flow = new PlantFlow(pp, c);
  flow.dispatch(eddRule(ruleContext(pp.problem, c)));
  return { layout, scenario, plan: planFromTimetable(pp, plantTimetable(flow)) };
}
