import { createStore } from 'zustand/vanilla';
import type { NetworkPlan } from '../experiment/loadNetwork.ts';
import { liveSiteFigures, type LiveSiteFigures } from '../experiment/liveSite.ts';
import { LiveHistory } from '../live/liveHistory.ts';
import { MqttSource, type Connect } from '../live/mqttSource.ts';
import { layoutEquipmentIds } from '../live/snapshot.ts';

export interface LiveSiteView {
  url: string;
  topic: string;
  /** The file names a user name: the site connects once the password is given (never stored). */
  username?: string;
  awaitingPassword: boolean;
  figures?: LiveSiteFigures;
}

export interface LiveSitesState {
  sites: Record<string, LiveSiteView>;
  /** Connects every live site of the plan (those without a user name at once), ending earlier ones. */
  start(plan: NetworkPlan): void;
  /** Connects a site that has a user name with this password (again, if the broker refused the last one). */
  connect(site: string, password: string): void;
  stop(): void;
}

export type LiveSitesStore = ReturnType<typeof createLiveSites>;

const REFRESH_MS = 500;

/**
 * The live sites of the network on screen: one MqttSource each (the same source, topic mapping
 * and staleness rules as the app's live view), refreshed twice a second into figures summed by
 * the one KPI code (liveSiteFigures).
 */
export function createLiveSites(connect: () => Promise<Connect>, clock: () => number = Date.now) {
  let sources = new Map<string, MqttSource & { history: LiveHistory }>();
  let plan: NetworkPlan | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let session = 0;

  return createStore<LiveSitesState>()((set, get) => {
    const refresh = () => {
      if (!plan) return;
      const now = clock();
      const sites = { ...get().sites };
      for (const [id, source] of sources) {
        const site = plan.sites.find((s) => s.id === id)!;
        sites[id] = { ...sites[id]!, figures: liveSiteFigures(source.states, source.history, source.status, layoutEquipmentIds(site.plant.layout).length, now, site.idealCycleMs) };
      }
      set({ sites });
    };
    const open = (id: string, password: string | undefined, own: number) => {
      const site = plan?.sites.find((s) => s.id === id);
      if (!site?.live) return;
      const live = site.live;
      void connect().then((connectFn) => {
        if (own !== session || sources.has(id)) return;
        const history = new LiveHistory(clock());
        const source = Object.assign(new MqttSource(
          { url: live.url, topics: [live.topic], qos: 1, clientIdPrefix: `plant-twin-${site.id}-`, ...(live.mapping ? { mapping: live.mapping } : {}),
            ...(live.username ? { username: live.username } : {}), ...(password ? { password } : {}) },
          { expectedPeriodMs: live.expectedPeriodSeconds * 1000, staleFactor: live.staleFactor, history },
          { connect: connectFn, equipment: new Set(layoutEquipmentIds(site.plant.layout)) },
        ), { history });
        sources.set(id, source);
        set({ sites: { ...get().sites, [id]: { ...get().sites[id]!, awaitingPassword: false } } });
        source.start();
        refresh();
      }, (error: unknown) => {
        if (own !== session) return;
        const failed: LiveSiteFigures = { phase: 'stopped', lastError: error instanceof Error ? error.message : String(error), equipment: 0, heard: 0, stale: 0, freshness: 'waiting' };
        set({ sites: { ...get().sites, [id]: { ...get().sites[id]!, figures: failed } } });
      });
    };
    return {
      sites: {},
      start(next) {
        get().stop();
        const own = ++session;
        plan = next;
        const live = next.sites.filter((s) => s.live);
        set({ sites: Object.fromEntries(live.map((s) => [s.id, {
          url: s.live!.url, topic: s.live!.topic, ...(s.live!.username ? { username: s.live!.username } : {}), awaitingPassword: s.live!.username !== undefined,
        }])) });
        if (live.length === 0) return;
        for (const s of live) if (!s.live!.username) open(s.id, undefined, own);
        timer = setInterval(refresh, REFRESH_MS);
      },
      connect(site, password) {
        if (get().sites[site]?.username === undefined) return;
        // Another password: the source that was refused (and retries with the old one) goes.
        sources.get(site)?.stop();
        sources.delete(site);
        open(site, password, session);
      },
      stop() {
        session++;
        clearInterval(timer);
        timer = undefined;
        for (const source of sources.values()) source.stop();
        sources = new Map();
        plan = undefined;
        set({ sites: {} });
      },
    };
  });
}
