import type { Findings } from './findings.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import { childPath } from './render.ts';
import type { Scenario } from './scenarioSchema.ts';

export interface RoutedProducts {
  /** Equipment id → indices of the products whose routing can use that equipment. */
  productsOn: ReadonlyMap<string, readonly number[]>;
  layout: LayoutIndex | undefined;
}

type Product = Scenario['products'][number];

function attributeValue(product: Product, attribute: string): string | undefined {
  return attribute === 'family' ? product.family : Object.prototype.hasOwnProperty.call(product.attributes, attribute) ? product.attributes[attribute] : undefined;
}

/** Reports each product missing an attribute once, however many matrices or batches need it. */
class MissingAttributes {
  private readonly reported = new Set<string>();
  constructor(private readonly f: Findings) {}

  report(productIndex: number, product: Product, attribute: string, user: string, equipment: string): void {
    const key = `${productIndex}\u0000${attribute}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.f.error(childPath(`products[${productIndex}].attributes`, attribute), `a value for "${attribute}" (${user} uses it on '${equipment}')`, 'nothing',
      `add "${attribute}": "…" to the attributes of '${product.id}'`);
  }
}

function checkEquipmentRef(f: Findings, path: string, id: string, layout: LayoutIndex | undefined): void {
  if (layout) f.reference(path, id, layout.equipmentById, 'the id of equipment in the layout', 'equipment');
}

/**
 * Changeover matrices must be square over their keys and cover every value of their attribute on
 * the products that can run on their equipment — otherwise the changeover time of some sequence
 * is undefined ("setup matrix missing a family").
 */
export function checkSetupMatrices(s: Scenario, routed: RoutedProducts, f: Findings): void {
  const missing = new MissingAttributes(f);
  f.unique(s.setupMatrices, (m) => m.id, (i) => `setupMatrices[${i}].id`, 'a setup matrix id');
  s.setupMatrices.forEach((m, i) => {
    const path = `setupMatrices[${i}]`;
    const n = m.keys.length;
    f.unique(m.keys, (k) => k, (j) => `${path}.keys[${j}]`, 'a key');
    const rows = m.times.length;
    const square = m.times.every((row) => row.length === rows);
    const keyList = `${m.keys.slice(0, 6).join(', ')}${n > 6 ? ', …' : ''}`;
    if (square && rows !== n) {
      f.error(`${path}.times`, `${n}×${n} times, a row and a column per key (${keyList})`, `${rows}×${rows} times`,
        'keys and times must list the same values in the same order');
    } else {
      if (rows !== n) f.error(`${path}.times`, `${n} row${n === 1 ? '' : 's'}, one per key (${keyList})`, `${rows} row${rows === 1 ? '' : 's'}`);
      m.times.forEach((row, j) => {
        if (row.length !== n) f.error(`${path}.times[${j}]`, `${n} time${n === 1 ? '' : 's'}, one per key`, `${row.length}`);
      });
    }
    f.unique(m.equipment, (e) => e, (k) => `${path}.equipment[${k}]`, 'an equipment id');
    m.equipment.forEach((e, k) => checkEquipmentRef(f, `${path}.equipment[${k}]`, e, routed.layout));

    const keys = new Set(m.keys);
    const uncovered = new Map<string, string>();
    for (const e of new Set(m.equipment)) {
      for (const p of routed.productsOn.get(e) ?? []) {
        const product = s.products[p];
        if (!product) continue;
        const value = attributeValue(product, m.attribute);
        if (value === undefined) missing.report(p, product, m.attribute, path, e);
        else if (!keys.has(value) && !uncovered.has(value)) uncovered.set(value, `product '${product.id}' on '${e}'`);
      }
    }
    for (const [value, where] of uncovered) {
      f.error(`${path}.keys`, `a key for every ${m.attribute} that runs on its equipment`, `no key "${value}" (needed by ${where})`,
        `add a row and a column for '${value}' to ${path}`);
    }
  });
  checkBatchEquipment(s, routed, missing, f);
}

function checkBatchEquipment(s: Scenario, routed: RoutedProducts, missing: MissingAttributes, f: Findings): void {
  f.unique(s.batchEquipment, (b) => b.equipment, (i) => `batchEquipment[${i}].equipment`, 'an equipment id');
  s.batchEquipment.forEach((b, i) => {
    const path = `batchEquipment[${i}]`;
    if (routed.layout && !routed.layout.equipmentById.has(b.equipment)) {
      checkEquipmentRef(f, `${path}.equipment`, b.equipment, routed.layout);
      return;
    }
    const products = routed.productsOn.get(b.equipment);
    if (!products) {
      f.error(`${path}.equipment`, 'equipment that some routing uses', `"${b.equipment}", which no operation lists`,
        'add it to the eligible equipment of an operation, or remove this entry');
      return;
    }
    for (const p of products) {
      const product = s.products[p];
      if (product && attributeValue(product, b.by) === undefined) missing.report(p, product, b.by, path, b.equipment);
    }
  });
}
