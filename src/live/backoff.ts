/**
 * Capped exponential back-off with jitter: attempt n waits base·2^(n−1), at most `cap`, less up to
 * `jitter` of it at random, so a plant's worth of browsers does not reconnect in lock-step after a
 * broker restart.
 */
export interface BackoffSettings {
  baseMs: number;
  capMs: number;
  /** Fraction of the delay taken off at random, 0..1. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, capMs: 30_000, jitter: 0.2 };

export function backoffDelay(attempt: number, settings: BackoffSettings = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = settings.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.capMs, exponential);
  return Math.round(capped * (1 - settings.jitter * random()));
}
