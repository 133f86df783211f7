import type { Problem } from './problem.ts';
import type { StateEvent } from './stateEventSchema.ts';

/** A parsed machine-state recording: the good events, and the bad lines skipped and counted. */
export interface Recording {
  events: StateEvent[];
  problems: Problem[];
  badLines: number;
  /** Lines read that look wrong but are not refused (a last line without a line break). */
  warnings: Problem[];
}

/** A recording of a long shift can have thousands of bad lines; listing the first hundred is enough to fix the exporter. */
const MAX_LISTED_LINES = 100;

/** A problem within one line; `path` (optional) names the place inside the line. */
export type LineProblem = { path?: string; expected: string; found: string; hint?: string };

/**
 * The last line of a CSV or SHDR file that does not end with a line break: a file cut off in the
 * middle of a line (a copy stopped early, a disk that filled) leaves a last value that may still
 * parse, `good,1` for `good,152`; only the missing line break tells. Files written by joining
 * lines with "\n" end the same way, so it is a warning, not a refusal (a cut that breaks the
 * line's syntax makes it a bad line as well).
 */
export const CUT_OFF_LINE: LineProblem = {
  expected: 'a line that ends with a line break',
  found: 'the end of the file in the middle of this line',
  hint: 'if the file was cut off, this line\'s last value may be cut short (good,1 of good,152); end every line with a line break',
};

/** A recording with no events at all is not a recording of anything. */
export function noEventsProblem(file: string, lines: number): Problem {
  return {
    file, path: '', expected: 'at least one event',
    found: lines === 0 ? 'an empty file' : `no event in ${lines} line${lines === 1 ? '' : 's'} (only a header, blank lines or commands)`,
  };
}

/** Collects per-line problems of a line-based file, listing at most MAX_LISTED_LINES bad lines. */
export class BadLines {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  count = 0;

  constructor(private readonly file: string) {}

  add(line: number, problems: readonly LineProblem[]): void {
    this.count++;
    if (this.count > MAX_LISTED_LINES) return;
    for (const p of problems) {
      this.problems.push({ ...p, file: this.file, path: p.path ? `line ${line}: ${p.path}` : `line ${line}` });
    }
  }

  /** A line that is read but looks wrong. */
  warn(line: number, problem: LineProblem): void {
    this.warnings.push({ ...problem, file: this.file, path: problem.path ? `line ${line}: ${problem.path}` : `line ${line}` });
  }

  finish(events: StateEvent[], lines?: number): Recording {
    const problems = [...this.problems];
    if (lines !== undefined && events.length === 0 && this.count === 0) problems.push(noEventsProblem(this.file, lines));
    if (this.count > MAX_LISTED_LINES) {
      problems.push({ file: this.file, path: '', expected: 'well-formed lines', found: `${this.count - MAX_LISTED_LINES} more bad lines, not listed` });
    }
    return { events, problems, badLines: this.count, warnings: [...this.warnings] };
  }
}
