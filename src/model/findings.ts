import { unknownHint } from './closest.ts';
import type { Loaded, Problem } from './problem.ts';
import { renderFound } from './render.ts';

/** Collects the errors and warnings of one file's cross-reference checks. */
export class Findings {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(readonly file: string) {}

  error(path: string, expected: string, found: string, hint?: string): void {
    this.errors.push(this.make(path, expected, found, hint));
  }

  warn(path: string, expected: string, found: string, hint?: string): void {
    this.warnings.push(this.make(path, expected, found, hint));
  }

  /** An id that must name something defined elsewhere; reports it (with a likely typo) when it does not. */
  reference(path: string, id: string, known: ReadonlyMap<string, unknown> | ReadonlySet<string>, expected: string, noun: string): boolean {
    if (known.has(id)) return true;
    this.error(path, expected, renderFound(id), unknownHint(id, [...known.keys()], noun));
    return false;
  }

  /**
   * Reports every repeat of an id after its first use (`what` names it: "an equipment id");
   * returns the first index of each id.
   */
  unique<T>(items: readonly T[], id: (item: T) => string, pathOf: (index: number) => string, what: string): Map<string, number> {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const key = id(item);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else this.error(pathOf(index), `${what} not used before`, `${renderFound(key)}, already used at ${pathOf(earlier)}`, 'ids must be unique: rename or remove one of them');
    });
    return first;
  }

  result<T>(value: T): Loaded<T> {
    return this.errors.length ? { ok: false, problems: this.errors } : { ok: true, value, warnings: this.warnings };
  }

  private make(path: string, expected: string, found: string, hint?: string): Problem {
    const p: Problem = { file: this.file, path, expected, found };
    if (hint) p.hint = hint;
    return p;
  }
}
