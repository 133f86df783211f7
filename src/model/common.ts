import { z } from 'zod';

/** Identifiers are stable keys used across files (layout ↔ scenario ↔ schedule ↔ MES). */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'an id: letters, digits, "_", ".", ":" or "-", starting with a letter or digit')
  .max(80)
  .describe('Identifier: letters, digits, "_", ".", ":" or "-", starting with a letter or digit');

/** Calendar instants are ISO 8601 with an explicit offset, so a plan means the same thing in every time zone. */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 date-time with offset, e.g. 2026-11-30T06:00:00Z');

export const IsoDate = z.iso.date().describe('ISO 8601 calendar date, e.g. 2026-12-25');

/** "HH:MM" clock time within a day; "24:00" ends a day. */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a clock time "HH:MM" from 00:00 to 24:00')
  .describe('Clock time of day, "HH:MM" (24 h)');

/** Durations in the scenario are minutes; a non-finite or negative duration is never meaningful. */
export const Minutes = z.number().finite().nonnegative().describe('Duration in minutes');
export const PositiveMinutes = z.number().finite().positive().describe('Duration in minutes, > 0');
export const Metres = z.number().finite().describe('Length in metres');
export const PositiveMetres = z.number().finite().positive().describe('Length in metres, > 0');
export const Fraction = z.number().finite().min(0).max(1).describe('Fraction from 0 to 1');

const pos = z.number().finite().positive();
const nonneg = z.number().finite().nonnegative();

/**
 * Random durations (minutes). Parameters are those of the variable itself (not of its log),
 * because planners quote "mean 12 min, sd 3 min", not log-space moments.
 */
export const Distribution = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('constant'), value: nonneg }).strict(),
    z.object({ type: z.literal('exponential'), mean: pos }).strict(),
    z.object({ type: z.literal('normal'), mean: pos, sd: nonneg }).strict()
      .describe('Normal, truncated at 0'),
    z.object({ type: z.literal('lognormal'), mean: pos, sd: nonneg }).strict()
      .describe('Lognormal with the given mean and standard deviation of the variable itself'),
    z.object({ type: z.literal('triangular'), min: nonneg, mode: nonneg, max: pos }).strict(),
    z.object({ type: z.literal('uniform'), min: nonneg, max: pos }).strict(),
    z.object({ type: z.literal('gamma'), shape: pos, scale: pos }).strict(),
    z.object({ type: z.literal('weibull'), shape: pos, scale: pos }).strict(),
    z.object({
      type: z.literal('empirical'),
      values: z.array(nonneg).min(1),
      weights: z.array(nonneg).min(1).optional(),
    }).strict().describe('Draws one of the values, with the given weights (equal if absent)'),
  ])
  .describe('A random duration in minutes');

export type Distribution = z.infer<typeof Distribution>;

/** Mean of a distribution, used for capacity checks, the LP and fixed-time scheduling. */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'constant': return d.value;
    case 'exponential': case 'normal': case 'lognormal': return d.mean;
    case 'triangular': return (d.min + d.mode + d.max) / 3;
    case 'uniform': return (d.min + d.max) / 2;
    case 'gamma': return d.shape * d.scale;
    case 'weibull': return d.scale * gammaFn(1 + 1 / d.shape);
    case 'empirical': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return d.values.reduce((s, v, i) => s + v * (w[i] ?? 0), 0) / total;
    }
  }
}

/** Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for the arguments used here. */
export function gammaFn(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}
