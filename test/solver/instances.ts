import { problemFromRoutings, type Mode, type SchedulingProblem } from '../../solver/problem.ts';
import { Random } from '../../solver/random.ts';

/** A random job shop: every job visits every machine once, in a random order. */
export function randomJobShop(seed: number, jobs: number, machines: number, maxDuration = 20): SchedulingProblem {
  const rng = new Random(seed);
  const routings: Mode[][][] = [];
  for (let j = 0; j < jobs; j++) {
    const order = Array.from({ length: machines }, (_, k) => k);
    for (let i = order.length - 1; i > 0; i--) {
      const r = rng.int(i + 1);
      [order[i], order[r]] = [order[r] as number, order[i] as number];
    }
    routings.push(order.map((machine) => [{ machine, duration: 1 + rng.int(maxDuration) }]));
  }
  return problemFromRoutings(`js-${seed}`, machines, routings);
}

/** A random flexible job shop: each operation may run on 1..maxEligible machines. */
export function randomFlexible(seed: number, jobs: number, opsPerJob: number, machines: number, maxEligible: number): SchedulingProblem {
  const rng = new Random(seed);
  const routings: Mode[][][] = [];
  for (let j = 0; j < jobs; j++) {
    const route: Mode[][] = [];
    for (let k = 0; k < opsPerJob; k++) {
      const count = 1 + rng.int(maxEligible);
      const ms = Array.from({ length: machines }, (_, i) => i);
      for (let i = ms.length - 1; i > 0; i--) {
        const r = rng.int(i + 1);
        [ms[i], ms[r]] = [ms[r] as number, ms[i] as number];
      }
      route.push(ms.slice(0, count).map((machine) => ({ machine, duration: 1 + rng.int(15) })));
    }
    routings.push(route);
  }
  return problemFromRoutings(`fjs-${seed}`, machines, routings);
}

/**
 * Adds plant-like features to a problem: release dates, an extra precedence arc between two
 * jobs (an assembly waiting for a part), and sequence-dependent changeovers between families.
 */
export function withPlantFeatures(p: SchedulingProblem, seed: number): SchedulingProblem {
  const rng = new Random(seed);
  const operations = p.operations.map((op) => ({ ...op, predecessors: [...op.predecessors], release: op.index === 0 ? rng.int(30) : 0 }));
  const a = p.jobs[0]?.operations;
  const b = p.jobs[1]?.operations;
  if (a !== undefined && b !== undefined && a.length > 0 && b.length > 1) {
    const last = b[b.length - 1] as number;
    operations[last]?.predecessors.push(a[0] as number);
  }
  const familyCount = 3;
  const family = operations.map(() => rng.int(familyCount));
  const matrix = Array.from({ length: p.machineCount }, () =>
    Array.from({ length: familyCount * familyCount }, (_, i) => (Math.floor(i / familyCount) === i % familyCount ? 0 : 1 + rng.int(6))));
  return { ...p, operations, setups: { familyCount, family, matrix } };
}
