import type { Loaded, Problem } from '../../src/model/problem.ts';
import { problemFromRoutings, type Mode, type SchedulingProblem } from '../problem.ts';
import { baseName, contentLines, lineCount, readInt, shorten } from './textLines.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Reads the standard job-shop text format (Taillard / OR-Library / JSPLib): a line `J M`, then one
 * line per job with M pairs `machine duration` in route order, machines numbered from 0.
 */
export function parseJssp(text: string, file: string): Loaded<SchedulingProblem> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lines = contentLines(text);
  const header = lines[0];
  if (header === undefined) {
    return { ok: false, problems: [{ file, path: 'line 1', expected: 'a header line "jobs machines"', found: 'an empty file' }] };
  }
  const hp = { file, path: `line ${header.line}` };
  const jobCount = readInt(header.tokens[0], 1, MAX, 'the number of jobs', hp, problems);
  const machineCount = readInt(header.tokens[1], 1, MAX, 'the number of machines', hp, problems);
  if (header.tokens.length > 2) {
    problems.push({ ...hp, expected: 'exactly 2 numbers "jobs machines"', found: `${header.tokens.length} numbers`, hint: 'this reader takes the standard format without comments' });
  }
  if (jobCount === null || machineCount === null) return { ok: false, problems };

  const routings: Mode[][][] = [];
  for (let j = 0; j < jobCount; j++) {
    const l = lines[1 + j];
    if (l === undefined) {
      problems.push({ file, path: `line ${lineCount(text)}`, expected: `${jobCount} job lines after the header`, found: `${j}` });
      break;
    }
    const where = { file, path: `line ${l.line}` };
    if (l.tokens.length !== 2 * machineCount) {
      problems.push({ ...where, expected: `${2 * machineCount} numbers (${machineCount} pairs "machine duration") for job ${j}`, found: `${l.tokens.length} numbers` });
      continue;
    }
    const route: Mode[][] = [];
    const seen = new Set<number>();
    for (let k = 0; k < machineCount; k++) {
      const machine = readInt(l.tokens[2 * k], 0, machineCount - 1, `machine of operation ${k}`, where, problems);
      const duration = readInt(l.tokens[2 * k + 1], 1, MAX, `duration of operation ${k}`, where, problems);
      if (machine === null || duration === null) continue;
      if (seen.has(machine)) {
        warnings.push({ ...where, expected: 'each machine once per job', found: `machine ${machine} again at operation ${k}`, hint: 'read as a job that returns to the machine' });
      }
      seen.add(machine);
      route.push([{ machine, duration }]);
    }
    routings.push(route);
  }
  for (const extra of lines.slice(1 + jobCount)) {
    problems.push({ file, path: `line ${extra.line}`, expected: `end of file after ${jobCount} job lines`, found: `"${shorten(extra.tokens.join(' '))}"` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: problemFromRoutings(baseName(file), machineCount, routings), warnings };
}
