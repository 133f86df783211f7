import { isoAt, minutesBetween } from '../../model/calendar.ts';
import type { LessonInput } from '../../training/lessonSchema.ts';

/** What the lesson editor knows of a bundled scenario: enough to offer valid choices. */
export interface ScenarioFacts {
  /** Repository path ("scenarios/x.json") and the lesson's reference to it from scenarios/training/. */
  path: string;
  ref: string;
  name: string;
  start: string;
  horizon: number;
  equipment: string[];
  products: string[];
  pools: { id: string; count: number }[];
  /** Setup attributes and their keys, per machine. */
  matrices: { attribute: string; equipment: string[]; keys: string[] }[];
  operations: string[];
}

type Json = Record<string, unknown>;

/** Reads a bundled scenario (and its layout) for the editor; undefined if it is not a scenario. */
export function scenarioFacts(path: string, texts: ReadonlyMap<string, string>): ScenarioFacts | undefined {
  try {
    const s = JSON.parse(texts.get(path) ?? '') as Json;
    if (s.format !== 'plant-twin/scenario') return undefined;
    const layoutPath = `layouts/${String(s.layout).split('/').pop()}`;
    const layout = JSON.parse(texts.get(layoutPath) ?? '{}') as Json;
    const equipment: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Json;
        if (Array.isArray(o.equipment) && o.equipment.every((e) => typeof (e as Json).id === 'string' && typeof (e as Json).type === 'string')) {
          for (const e of o.equipment as Json[]) equipment.push(String(e.id));
        }
        for (const key of ['site', 'areas', 'lines', 'cells']) if (key in o) walk(o[key]);
      }
    };
    walk(layout);
    const experiment = s.experiment as Json;
    const routings = (s.routings as Json[]) ?? [];
    return {
      path, ref: `../${path.replace(/^scenarios\//, '')}`, name: String(s.name), start: String(s.start), horizon: Number(experiment.horizon),
      equipment, products: ((s.products as Json[]) ?? []).map((p) => String(p.id)),
      pools: ((s.operators as Json[]) ?? []).map((p) => ({ id: String(p.id), count: Number(p.count) })),
      matrices: ((s.setupMatrices as Json[]) ?? []).map((m) => ({ attribute: String(m.attribute ?? 'family'), equipment: (m.equipment as string[]) ?? [], keys: (m.keys as string[]) ?? [] })),
      operations: [...new Set(routings.flatMap((r) => ((r.operations as Json[]) ?? []).map((o) => String(o.id))))],
    };
  } catch {
    return undefined;
  }
}

/** A new lesson on a scenario: one goal, a scoring on late orders, nothing else yet. */
export function emptyLesson(facts: ScenarioFacts): LessonInput {
  return {
    format: 'plant-twin/lesson', version: 1, id: 'new-lesson', title: 'A new lesson',
    source: { kind: 'scenario', scenario: facts.ref }, seed: 1,
    goals: ['What the trainee should be able to do afterwards'],
    steps: [], events: [], decisions: [], alarms: [],
    scoring: { kpis: [{ kpi: 'late-orders', weight: 10 }], replications: 3, schedulerIterations: 300, passMark: 60 },
  };
}

/** Plant time from minutes of the scenario, and back (the editor's timeline works in minutes). */
export const timeAt = (facts: ScenarioFacts, minutes: number): string => isoAt(facts.start, Math.round(minutes));
export const minuteOf = (facts: ScenarioFacts, iso: string): number => minutesBetween(facts.start, iso);

/** A fresh id with a prefix not used by any of `ids`. */
export function freshId(prefix: string, ids: readonly string[]): string {
  for (let n = 1; ; n++) if (!ids.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
