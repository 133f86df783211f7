import { listSome } from './render.ts';

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbours as one
 * edit (optimal string alignment), since swapped letters are the commonest typo ("widht").
 * Gives up, returning limit + 1, once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The candidate a typo most likely meant: same letters ignoring case, else the nearest by edit
 * distance within about a third of the word ("lazer-1" → "laser-1", but "x" finds nothing), else
 * one that shares all but the word's last two letters ("triangle" → "triangular").
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let byPrefix: string | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    const d = other === lower ? 0 : editDistance(lower, other, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
    if (byPrefix === undefined && lower.length >= 5 && commonPrefix(lower, other) >= lower.length - 2) byPrefix = candidate;
  }
  return best ?? byPrefix;
}

/** The hint for a reference to something undefined: a likely typo, else what does exist. */
export function unknownHint(word: unknown, candidates: readonly string[], noun: string): string {
  if (candidates.length === 0) return `no ${noun} is defined yet`;
  const guess = typeof word === 'string' ? closest(word, candidates) : undefined;
  if (guess !== undefined) return `did you mean '${guess}'?`;
  return `known ${noun} ids: ${listSome(candidates)}`;
}
