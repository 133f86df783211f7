import type { Loaded, Problem } from '../../src/model/problem.ts';
import { problemFromRoutings, type Mode, type SchedulingProblem } from '../problem.ts';
import { baseName, contentLines, lineCount, readInt, shorten } from './textLines.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Reads the Brandimarte flexible job-shop format (".fjs"): a line `J M [average flexibility]`, then
 * one line per job: the number of operations, then per operation the number k of eligible
 * machines and k pairs `machine duration`, machines numbered from 1 (stored 0-based).
 */
export function parseFjsp(text: string, file: string): Loaded<SchedulingProblem> {
  const problems: Problem[] = [];
  const lines = contentLines(text);
  const header = lines[0];
  if (header === undefined) {
    return { ok: false, problems: [{ file, path: 'line 1', expected: 'a header line "jobs machines [flexibility]"', found: 'an empty file' }] };
  }
  const hp = { file, path: `line ${header.line}` };
  const jobCount = readInt(header.tokens[0], 1, MAX, 'the number of jobs', hp, problems);
  const machineCount = readInt(header.tokens[1], 1, MAX, 'the number of machines', hp, problems);
  const flex = header.tokens[2];
  if (flex !== undefined && !Number.isFinite(Number(flex))) {
    problems.push({ ...hp, expected: 'the average number of machines per operation (a number)', found: `"${shorten(flex)}"` });
  }
  if (header.tokens.length > 3) {
    problems.push({ ...hp, expected: 'at most 3 numbers "jobs machines flexibility"', found: `${header.tokens.length} numbers` });
  }
  if (jobCount === null || machineCount === null) return { ok: false, problems };

  const routings: Mode[][][] = [];
  for (let j = 0; j < jobCount; j++) {
    const l = lines[1 + j];
    if (l === undefined) {
      problems.push({ file, path: `line ${lineCount(text)}`, expected: `${jobCount} job lines after the header`, found: `${j}` });
      break;
    }
    const route = readJob(l.tokens, machineCount, { file, path: `line ${l.line}` }, problems);
    if (route !== null) routings.push(route);
  }
  for (const extra of lines.slice(1 + jobCount)) {
    problems.push({ file, path: `line ${extra.line}`, expected: `end of file after ${jobCount} job lines`, found: `"${shorten(extra.tokens.join(' '))}"` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: problemFromRoutings(baseName(file), machineCount, routings), warnings: [] };
}

function readJob(tokens: string[], machineCount: number, where: { file: string; path: string }, problems: Problem[]): Mode[][] | null {
  const before = problems.length;
  const opCount = readInt(tokens[0], 1, MAX, 'the number of operations of the job', where, problems);
  if (opCount === null) return null;
  const route: Mode[][] = [];
  let pos = 1;
  for (let k = 0; k < opCount; k++) {
    if (pos >= tokens.length) {
      problems.push({ ...where, expected: `${opCount} operations`, found: `${k}`, hint: 'each job is on one line' });
      return null;
    }
    const eligible = readInt(tokens[pos++], 1, machineCount, `number of eligible machines of operation ${k + 1}`, where, problems);
    if (eligible === null) return null;
    const modes: Mode[] = [];
    for (let e = 0; e < eligible; e++) {
      const machine = readInt(tokens[pos++], 1, machineCount, `machine (numbered from 1) of operation ${k + 1}`, where, problems);
      const duration = readInt(tokens[pos++], 1, MAX, `duration of operation ${k + 1}`, where, problems);
      if (machine === null || duration === null) return null;
      if (modes.some((m) => m.machine === machine - 1)) {
        problems.push({ ...where, expected: `distinct machines for operation ${k + 1}`, found: `machine ${machine} twice` });
      }
      modes.push({ machine: machine - 1, duration });
    }
    route.push(modes);
  }
  if (pos < tokens.length) {
    problems.push({ ...where, expected: `end of line after ${opCount} operations`, found: `${tokens.length - pos} more numbers` });
  }
  return problems.length === before ? route : null;
}
