import type { Findings } from './findings.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import { checkResources } from './resourceChecks.ts';
import { checkMagnitudes } from './magnitudeChecks.ts';
import { checkRoutings } from './routingChecks.ts';
import type { Scenario } from './scenarioSchema.ts';
import { checkSetupMatrices } from './setupChecks.ts';
import { checkStartState } from './startStateChecks.ts';
import { checkDistribution } from './distributionChecks.ts';
import { checkUninterruptible } from './uninterruptibleChecks.ts';

/** Equipment id → indices of the products whose routing lists it as eligible. */
function productsOnEquipment(s: Scenario): Map<string, number[]> {
  const routings = new Map(s.routings.map((r) => [r.id, r] as const));
  const on = new Map<string, number[]>();
  s.products.forEach((product, p) => {
    const routing = routings.get(product.routing);
    if (!routing) return;
    const equipment = new Set(routing.operations.flatMap((op) => op.equipment.map((e) => e.equipment)));
    for (const e of equipment) on.set(e, [...(on.get(e) ?? []), p]);
  });
  return on;
}

function checkProductsAndOrders(s: Scenario, f: Findings): void {
  const products = f.unique(s.products, (p) => p.id, (i) => `products[${i}].id`, 'a product id');
  const routings = f.unique(s.routings, (r) => r.id, (i) => `routings[${i}].id`, 'a routing id');
  s.products.forEach((p, i) => f.reference(`products[${i}].routing`, p.routing, routings, 'the id of a routing in routings[]', 'routing'));
  f.unique(s.orders, (o) => o.id, (i) => `orders[${i}].id`, 'an order id');
  s.orders.forEach((o, i) => {
    f.reference(`orders[${i}].product`, o.product, products, 'the id of a product in products[]', 'product');
    if (Date.parse(o.due) < Date.parse(o.release)) {
      f.error(`orders[${i}].due`, `a due date-time at or after the release (${o.release})`, JSON.stringify(o.due), 'swap release and due, or correct the date');
    }
  });
  s.releaseDelays.forEach((d, i) => {
    d.products?.forEach((p, k) => f.reference(`releaseDelays[${i}].products[${k}]`, p, products, 'the id of a product in products[]', 'product'));
    checkDistribution(d.delay, `releaseDelays[${i}].delay`, f);
  });
}

function checkExperiment(s: Scenario, f: Findings): void {
  const { warmup, horizon } = s.experiment;
  if (warmup >= horizon) {
    f.error('experiment.warmup', `a warm-up shorter than the horizon (${horizon} min)`, `${warmup} min`,
      'the warm-up is discarded before KPIs are collected; with nothing left, there are no results');
  }
}

/**
 * Cross-reference checks of a scenario that passed its schema. Without a valid layout the checks
 * that need one are skipped (its own problems are reported instead), so the user still sees
 * every problem of the scenario itself in one pass.
 */
export function checkScenario(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  checkProductsAndOrders(s, f);
  checkRoutings(s, layout, f);
  checkSetupMatrices(s, { productsOn: productsOnEquipment(s), layout }, f);
  checkResources(s, layout, f);
  checkStartState(s, layout, f);
  checkUninterruptible(s, f);
  checkExperiment(s, f);
  checkMagnitudes(s, f);
}
