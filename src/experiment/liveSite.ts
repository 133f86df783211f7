import type { LiveHistory } from '../live/liveHistory.ts';
import type { LiveStates } from '../live/liveStates.ts';
import type { ConnectionStatus } from '../live/mqttSource.ts';
import type { KpiResult } from '../live/stateTimeline.ts';

/** A live site's figures at one moment, and how far they can be trusted. */
export interface LiveSiteFigures {
  phase: ConnectionStatus['phase'];
  lastError?: string;
  /** Equipment in the site's layout; of them heard since connect, and of those stale now. */
  equipment: number;
  heard: number;
  stale: number;
  /**
   * waiting: nothing heard yet, so no figures. current: connected and every equipment heard is
   * current, figures up to now. stale: the connection is down or some equipment went quiet, so
   * the figures end at the newest evidence and are not extended on trust.
   */
  freshness: 'waiting' | 'current' | 'stale';
  /** Receiver time of the newest message or heartbeat. */
  lastHeardMs?: number;
  /** Time in state and OEE of every equipment heard, by the one KPI code, since connect. */
  kpis?: KpiResult;
}

/**
 * A live site summed by the KPI code of the recorded and simulated figures (stateKpis, through the
 * live history). While the data is current the window runs to `now`; once the connection is lost
 * or an equipment is stale it stops at the newest message heard, so a state nobody confirms is not
 * counted on as if it still held.
 */
export function liveSiteFigures(states: LiveStates, history: LiveHistory, status: ConnectionStatus, equipment: number, now: number,
  idealCycleMs?: number | Readonly<Record<string, number>>): LiveSiteFigures {
  const all = states.all();
  const base = { phase: status.phase, ...(status.lastError ? { lastError: status.lastError } : {}), equipment, heard: all.length, stale: all.filter((e) => e.stale).length };
  if (all.length === 0) return { ...base, freshness: 'waiting' };
  const lastHeardMs = Math.max(...all.map((e) => e.heardAt));
  const current = status.phase === 'connected' && base.stale === 0;
  return { ...base, freshness: current ? 'current' : 'stale', lastHeardMs, kpis: history.allKpis(current ? now : Math.min(now, lastHeardMs), idealCycleMs) };
}
