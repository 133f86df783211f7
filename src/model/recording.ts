import type { Problem } from './problem.ts';
import type { StateEvent } from './stateEventSchema.ts';

/** A parsed machine-state recording: the good events, and the bad lines skipped and counted. */
export interface Recording {
  events: StateEvent[];
  problems: Problem[];
  badLines: number;
}

/** A recording of a long shift can have thousands of bad lines; listing the first hundred is enough to fix the exporter. */
const MAX_LISTED_LINES = 100;

/** A problem within one line; `path` (optional) names the place inside the line. */
export type LineProblem = { path?: string; expected: string; found: string; hint?: string };

/** Collects per-line problems of a line-based file, listing at most MAX_LISTED_LINES bad lines. */
export class BadLines {
  readonly problems: Problem[] = [];
  count = 0;

  constructor(private readonly file: string) {}

  add(line: number, problems: readonly LineProblem[]): void {
    this.count++;
    if (this.count > MAX_LISTED_LINES) return;
    for (const p of problems) {
      this.problems.push({ ...p, file: this.file, path: p.path ? `line ${line}: ${p.path}` : `line ${line}` });
    }
  }

  finish(events: StateEvent[]): Recording {
    const problems = [...this.problems];
    if (this.count > MAX_LISTED_LINES) {
      problems.push({ file: this.file, path: '', expected: 'well-formed lines', found: `${this.count - MAX_LISTED_LINES} more bad lines, not listed` });
    }
    return { events, problems, badLines: this.count };
  }
}
