import type { EquipmentLive } from './liveStates.ts';

/** A duration for people: "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h". */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 || m >= 10 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

export type Freshness = { kind: 'current' | 'stale' | 'last-known'; text: string };

/**
 * How far the shown state can be trusted, in words: current (with when it was last heard); stale,
 * "last heard 3 min ago" (no confirmation within the threshold); or "last known, 2 h old" (only the
 * broker's retained copy, aged from its own timestamp).
 */
export function freshness(live: EquipmentLive, now: number): Freshness {
  const heard = durationText(now - live.heardAt);
  if (live.retained) {
    return { kind: live.stale ? 'last-known' : 'current', text: `last known, ${durationText(now - Math.min(live.ts, now))} old (the broker's retained copy)` };
  }
  return live.stale ? { kind: 'stale', text: `stale: last heard ${heard} ago` } : { kind: 'current', text: `heard ${heard} ago` };
}
