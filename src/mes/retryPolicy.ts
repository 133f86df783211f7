/** Back-off between attempts: exponential from `baseMs`, capped at `capMs`, with full jitter. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** How long one request may take before it counts as a network failure. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, capMs: 60_000, timeoutMs: 30_000 };

/**
 * Delay before attempt `failedAttempt + 1`: uniform in [base/2, min(cap, base × 2^(n−1))] —
 * "full jitter" spread so that many publishers recovering together do not retry in step, but never
 * less than half the base, so a flapping MES is not hammered. `random` is a uniform in [0, 1).
 * A server's Retry-After (ms) is a floor.
 */
export function retryDelay(policy: RetryPolicy, failedAttempt: number, random: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, failedAttempt - 1)));
  const floor = Math.min(policy.baseMs / 2, ceiling);
  const delay = floor + (ceiling - floor) * random;
  return Math.round(Math.max(delay, Math.min(retryAfterMs ?? 0, policy.capMs * 5)));
}

export type HttpVerdict = 'answer' | 'retry' | 'wait' | 'stop';

/**
 * What an HTTP status means for delivery: 2xx carries the MES's answer; 408, 429 and 5xx are
 * passing trouble (retry with back-off); 409 means the MES is still working on this key (wait it
 * out); any other status is the MES refusing the request (stop and show its message).
 */
export function httpVerdict(status: number): HttpVerdict {
  if (status >= 200 && status < 300) return 'answer';
  if (status === 409) return 'wait';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'stop';
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}
