import { parseFjsp } from '../../solver/jobshop/parseFjsp.ts';
import { runBench } from './runBench.ts';

// npm run bench:fjsp -- [--dir ../shared/benchmarks/fjsp] [--time 10] [--only mk01,mk02]; mk01–mk10 by default.
runBench({
  defaultDir: '../shared/benchmarks/fjsp',
  parse: parseFjsp,
  defaultInstances: (all) => all.filter((n) => /^mk(0[1-9]|10)$/.test(n)),
});
