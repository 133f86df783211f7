import { isoAt } from '../model/calendar.ts';

/**
 * Plant calendar time of a minute offset, as the plant reads it: "2026-11-30 14:05:30 +01:00".
 * To the second (the fraction cut off): a clock redrawn every frame must not flicker milliseconds.
 */
export function plantClock(startIso: string, minutes: number): string {
  const iso = isoAt(startIso, minutes).replace(/\.\d+(?=Z|[+-]\d\d:\d\d$)/, '');
  return iso.replace('T', ' ').replace(/(\d\d)(Z|[+-]\d\d:\d\d)$/, (_, s: string, zone: string) => `${s} ${zone === 'Z' ? 'UTC' : zone}`);
}

/** Elapsed plant time: "2 d 03:15". */
export function elapsed(minutes: number): string {
  const m = Math.floor(minutes);
  const days = Math.floor(m / 1440);
  const hh = String(Math.floor((m % 1440) / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${days} d ${hh}:${mm}`;
}
