import type { Loaded, Problem } from '../../src/model/problem.ts';
import type { SdstInstance } from './instance.ts';

interface Token {
  text: string;
  line: number;
}

const MAX_PROBLEMS = 20;

/**
 * Reads the Vallada & Ruiz text format of R | S_ijk | Cmax instances:
 * `n m 1`, `m`, n job lines of m pairs (machine, time), `SSD`, then per machine `Mk` and an
 * n × n setup matrix (row = predecessor). Any whitespace and CRLF are accepted, since the
 * published files mix tabs and spaces. Number errors are collected; a structural error
 * (missing marker, early end) stops reading because every later token would be misplaced.
 */
export function parseVallada(text: string, file: string, name = baseName(file)): Loaded<SdstInstance> {
  const tokens = tokenize(text);
  const problems: Problem[] = [];
  let at = 0;
  const where = (t: Token | undefined): string => `line ${t ? t.line : lastLine(text)}`;
  const fail = (t: Token | undefined, expected: string, found: string, hint?: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file, path: where(t), expected, found, ...(hint ? { hint } : {}) });
  };
  const eof = (expected: string): Loaded<SdstInstance> => {
    fail(undefined, expected, 'end of file', 'the file is cut short');
    return { ok: false, problems };
  };
  const readNumber = (expected: string, integer: boolean, min: number): number | null => {
    const t = tokens[at++];
    if (!t) return null;
    const v = Number(t.text);
    if (!Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min) {
      fail(t, expected, JSON.stringify(t.text));
      return Number.NaN;
    }
    return v;
  };

  const n = readNumber('the number of jobs (an integer ≥ 1)', true, 1);
  const m = readNumber('the number of machines (an integer ≥ 1)', true, 1);
  if (n === null || m === null) return eof('a header "jobs machines 1"');
  if (Number.isNaN(n) || Number.isNaN(m)) return { ok: false, problems };
  at++; // the header's third number is a constant the format never uses
  const mAgain = readNumber(`the number of machines again (${m})`, true, 1);
  if (mAgain === null) return eof(`the number of machines again (${m})`);
  if (!Number.isNaN(mAgain) && mAgain !== m) fail(tokens[at - 1], `the number of machines again (${m})`, String(mAgain));

  const processing = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const seen = new Set<number>();
    for (let pair = 0; pair < m; pair++) {
      const kTok = tokens[at];
      const k = readNumber(`a machine index 0..${m - 1} for job ${j}`, true, 0);
      const p = readNumber(`the processing time of job ${j} (a number ≥ 0)`, false, 0);
      if (k === null || p === null) return eof(`${m} (machine, time) pairs for job ${j}`);
      if (Number.isNaN(k) || Number.isNaN(p)) continue;
      if (k >= m || seen.has(k)) {
        fail(kTok, `each machine index 0..${m - 1} once for job ${j}`, String(k));
        continue;
      }
      seen.add(k);
      processing[k]![j] = p;
    }
  }

  const marker = tokens[at++];
  if (!marker) return eof('the marker "SSD"');
  if (marker.text.toUpperCase() !== 'SSD') {
    fail(marker, 'the marker "SSD"', JSON.stringify(marker.text), `check that there are exactly ${n} job lines of ${m} pairs each`);
    return { ok: false, problems };
  }

  const setup: number[][][] = [];
  for (let k = 0; k < m; k++) {
    const head = tokens[at++];
    if (!head) return eof(`the marker "M${k}"`);
    if (head.text.toUpperCase() !== `M${k}`) {
      fail(head, `the marker "M${k}"`, JSON.stringify(head.text), `each setup matrix has ${n} rows of ${n} numbers`);
      return { ok: false, problems };
    }
    const matrix: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(n).fill(0);
      for (let j = 0; j < n; j++) {
        const v = readNumber(`a setup time ≥ 0 (machine ${k}, from job ${i} to job ${j})`, false, 0);
        if (v === null) return eof(`row ${i} of the setup matrix of machine ${k}`);
        if (!Number.isNaN(v)) row[j] = v;
      }
      matrix.push(row);
    }
    setup.push(matrix);
  }
  const extra = tokens[at];
  if (extra) fail(extra, 'the end of the file', JSON.stringify(extra.text), `the header says ${n} jobs and ${m} machines`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, jobs: n, machines: m, processing, setup }, warnings: [] };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text.split(/\r\n|\r|\n/).forEach((row, i) => {
    for (const t of row.split(/\s+/)) if (t !== '') tokens.push({ text: t, line: i + 1 });
  });
  return tokens;
}

function lastLine(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.txt$/i, '');
}
