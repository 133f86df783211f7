import { parseJssp } from '../../solver/jobshop/parseJssp.ts';
import { runBench } from './runBench.ts';

// npm run bench:jssp -- [--dir ../shared/benchmarks/jssp] [--time 10] [--only la01,la02]
runBench({ defaultDir: '../shared/benchmarks/jssp', parse: parseJssp, defaultInstances: (all) => all });
