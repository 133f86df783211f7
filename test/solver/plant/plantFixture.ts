import { Layout, type LayoutInput } from '../../../src/model/layoutSchema.ts';
import { Scenario, type ScenarioInput } from '../../../src/model/scenarioSchema.ts';
import { plantProblem, type PlantProblem, type PlantProblemOptions } from '../../../solver/plant/plantProblem.ts';
import { Random } from '../../../solver/random.ts';
import { smallLayout, smallScenario } from '../../fixtures/smallPlant.ts';

/**
 * The small plant with changeovers on the saw (by family A/B: 10 within, 30 across, 15 first)
 * and on the mills (by colour). Day calendar: Monday 06:00–10:00 and 10:30–14:00.
 */
export function setupScenario(changes: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    ...smallScenario,
    products: [
      { id: 'p1', name: 'Bracket', family: 'A', routing: 'r1', attributes: { colour: 'red' } },
      { id: 'p2', name: 'Hinge', family: 'B', routing: 'r1', attributes: { colour: 'blue' } },
    ],
    setupMatrices: [
      { id: 'saw-family', equipment: ['saw'], keys: ['A', 'B'], times: [[10, 30], [30, 10]], initial: 15 },
      { id: 'mill-colour', equipment: ['mill-1', 'mill-2'], attribute: 'colour', keys: ['red', 'blue'], times: [[0, 20], [20, 0]], initial: 5 },
    ],
    ...changes,
  });
}

/** The plant problem of a scenario on the small layout (or a changed one). */
export function problemOf(scenario: Scenario, options: PlantProblemOptions = {}, layout: LayoutInput = smallLayout): PlantProblem {
  return plantProblem({ layout: Layout.parse(layout), layoutFile: 'small-layout.json', scenario }, options);
}

/** A random variant: 2–6 orders of either product with random quantities, releases and due dates. */
export function randomScenario(seed: number): Scenario {
  const rng = new Random(seed);
  const count = 2 + rng.int(5);
  const orders = Array.from({ length: count }, (_, i) => {
    const release = 6 + rng.int(20);
    const due = release + 8 + rng.int(40);
    const at = (h: number): string => new Date(Date.UTC(2026, 10, 30) + h * 3_600_000).toISOString().replace('.000Z', 'Z');
    return { id: `o${i}`, product: rng.int(2) === 0 ? 'p1' : 'p2', quantity: 5 + rng.int(60), release: at(release), due: at(due), priority: 1 + rng.int(10) };
  });
  return setupScenario({ orders });
}
