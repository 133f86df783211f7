import { minutesBetween } from '../model/calendar.ts';
import type { Findings } from '../model/findings.ts';
import type { Plant } from '../model/load.ts';
import { renderFound } from '../model/render.ts';
import type { Highlight, Lesson } from './lessonSchema.ts';

/** What a recording offers a lesson: its equipment and the span of its events (ms since the epoch). */
export interface RecordingExtent {
  equipment: readonly string[];
  first: number;
  last: number;
}

/**
 * Checks a scenario lesson against its scenario and layout: every machine, product, operation,
 * pool and setup attribute it names exists and can do what the lesson asks; every time falls
 * inside the scenario's horizon.
 */
export function checkLessonOnPlant(lesson: Lesson, plant: Plant, f: Findings): void {
  const scenario = plant.scenario;
  if (!scenario) return;
  const equipment = new Set<string>();
  for (const area of plant.layout.site.areas) for (const line of area.lines) for (const cell of line.cells) for (const e of cell.equipment) equipment.add(e.id);
  const machine = (path: string, id: string): boolean => f.reference(path, id, equipment, 'an equipment id of the layout', 'equipment');
  const minute = (iso: string): number => minutesBetween(scenario.start, iso);
  const horizon = scenario.experiment.horizon;
  const inHorizon = (path: string, iso: string): void => {
    const m = minute(iso);
    if (m < 0 || m > horizon) {
      f.error(path, `a time within the scenario (${scenario.start} plus ${horizon} min)`, renderFound(iso), `that is minute ${Math.round(m)} of the scenario`);
    }
  };
  if (lesson.end) inHorizon('end', lesson.end);
  const highlights = (list: readonly Highlight[], path: string): void => list.forEach((h, i) => {
    if (h.kind === 'machine' || h.kind === 'gantt-row') machine(`${path}[${i}].id`, h.id);
  });
  const products = new Map(scenario.products.map((p) => [p.id, p]));
  const routings = new Map(scenario.routings.map((r) => [r.id, r]));
  const pools = new Map(scenario.operators.map((p) => [p.id, p]));
  const batch = new Set(scenario.batchEquipment.map((b) => b.equipment));
  const orders = new Set(scenario.orders.map((o) => o.id));
  const operations = scenario.routings.flatMap((r) => r.operations);
  const used = new Set(operations.flatMap((op) => op.equipment.map((e) => e.equipment)));

  lesson.steps.forEach((s, i) => {
    inHorizon(`steps[${i}].at`, s.at);
    highlights(s.highlight, `steps[${i}].highlight`);
  });
  lesson.events.forEach((e, i) => {
    const path = `events[${i}]`;
    inHorizon(`${path}.at`, e.at);
    switch (e.kind) {
      case 'breakdown':
      case 'stale-data':
        machine(`${path}.equipment`, e.equipment);
        break;
      case 'rush-order':
        f.reference(`${path}.order.product`, e.order.product, products, 'a product id of the scenario', 'product');
        if (orders.has(e.order.id)) f.error(`${path}.order.id`, 'an order id the scenario does not use', renderFound(e.order.id), 'rename the rush order');
        break;
      case 'material-shortage':
        e.products.forEach((id, k) => {
          const product = products.get(id);
          if (!f.reference(`${path}.products[${k}]`, id, products, 'a product id of the scenario', 'product') || !product || e.operation === undefined) return;
          const routing = routings.get(product.routing);
          if (routing && !routing.operations.some((op) => op.id === e.operation)) {
            f.error(`${path}.operation`, `an operation of the routing of ${id} (${routing.operations.map((op) => op.id).join(', ')})`, renderFound(e.operation));
          }
        });
        break;
      case 'operator-absent': {
        const pool = pools.get(e.pool);
        if (f.reference(`${path}.pool`, e.pool, pools, 'an operator pool id of the scenario', 'operator pool') && pool && e.count > pool.count) {
          f.error(`${path}.count`, `at most the pool's ${pool.count} operators`, String(e.count));
        }
        break;
      }
    }
  });
  lesson.decisions.forEach((d, i) => {
    const path = `decisions[${i}]`;
    highlights(d.highlight, `${path}.highlight`);
    if ('at' in d) inHorizon(`${path}.at`, d.at);
    if ('until' in d && d.until !== undefined) inHorizon(`${path}.until`, d.until);
    switch (d.kind) {
      case 'next-job':
        if (!machine(`${path}.equipment`, d.equipment)) break;
        if (batch.has(d.equipment)) {
          f.error(`${path}.equipment`, 'equipment that runs one lot at a time', `${renderFound(d.equipment)}, batch equipment`,
            'its batches are formed by the batching rule; ask for a dispatching-rule or a sequence decision instead');
        } else if (!used.has(d.equipment)) {
          f.error(`${path}.equipment`, 'a machine some routing uses', `${renderFound(d.equipment)}, which no operation runs on`);
        }
        break;
      case 'dispatching-rule':
        d.equipment?.forEach((id, k) => machine(`${path}.equipment[${k}]`, id));
        break;
      case 'reroute': {
        if (!machine(`${path}.from`, d.from)) break;
        const served = operations.filter((op) => op.equipment.some((e) => e.equipment === d.from));
        d.to.forEach((id, k) => {
          if (!machine(`${path}.to[${k}]`, id)) return;
          if (!served.some((op) => op.equipment.some((e) => e.equipment === id))) {
            f.error(`${path}.to[${k}]`, `a machine eligible for an operation that ${d.from} runs`, `${renderFound(id)}, which shares no operation with it`,
              'list it among the eligible equipment of those operations in the scenario, or pick another machine');
          }
        });
        break;
      }
      case 'sequence':
        d.equipment.forEach((id, k) => {
          if (!machine(`${path}.equipment[${k}]`, id)) return;
          const matrix = scenario.setupMatrices.find((m) => m.equipment.includes(id) && m.attribute === d.attribute);
          if (!matrix) {
            const attributes = scenario.setupMatrices.filter((m) => m.equipment.includes(id)).map((m) => m.attribute);
            f.error(`${path}.attribute`, `an attribute of a setup matrix of ${id} (${attributes.length ? attributes.join(', ') : 'it has none'})`, renderFound(d.attribute));
            return;
          }
          d.candidates.forEach((c, ci) => c.sequence.forEach((v, vi) => {
            if (!matrix.keys.includes(v)) {
              f.error(`${path}.candidates[${ci}].sequence[${vi}]`, `a key of setup matrix ${matrix.id} (${matrix.keys.join(', ')})`, renderFound(v));
            }
          }));
        });
        break;
      case 'estimate':
        if (d.equipment !== undefined) machine(`${path}.equipment`, d.equipment);
        break;
      default:
        break;
    }
  });
  lesson.alarms.forEach((a, i) => a.equipment?.forEach((id, k) => machine(`alarms[${i}].equipment[${k}]`, id)));
}

/** Checks a recording lesson against what the recording holds: its equipment and time span. */
export function checkLessonOnRecording(lesson: Lesson, extent: RecordingExtent, f: Findings): void {
  const known = new Set(extent.equipment);
  const span = `${new Date(extent.first).toISOString()} to ${new Date(extent.last).toISOString()}`;
  const inSpan = (path: string, iso: string): void => {
    const t = Date.parse(iso);
    if (t < extent.first || t > extent.last) f.error(path, `a time within the recording (${span})`, renderFound(iso));
  };
  const equipment = (path: string, id: string): void => {
    f.reference(path, id, known, 'an equipment id the recording holds', 'recorded equipment');
  };
  if (lesson.end) inSpan('end', lesson.end);
  lesson.steps.forEach((s, i) => {
    inSpan(`steps[${i}].at`, s.at);
    s.highlight.forEach((h, k) => { if (h.kind === 'machine' || h.kind === 'gantt-row') equipment(`steps[${i}].highlight[${k}].id`, h.id); });
  });
  lesson.decisions.forEach((d, i) => {
    if ('at' in d) inSpan(`decisions[${i}].at`, d.at);
    if ((d.kind === 'mark-stop' || d.kind === 'estimate') && d.equipment !== undefined) equipment(`decisions[${i}].equipment`, d.equipment);
    else if ((d.kind === 'mark-stop' || d.kind === 'estimate') && extent.equipment.length > 1) {
      f.error(`decisions[${i}].equipment`, `the recorded equipment the question is about (${extent.equipment.join(', ')})`, 'nothing');
    }
  });
  lesson.alarms.forEach((a, i) => a.equipment?.forEach((id, k) => equipment(`alarms[${i}].equipment[${k}]`, id)));
}
