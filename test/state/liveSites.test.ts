import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileResolver } from '../../src/experiment/loadExperiment.ts';
import { loadNetworkText, type NetworkPlan } from '../../src/experiment/loadNetwork.ts';
import type { Connect } from '../../src/live/mqttSource.ts';
import { createLiveSites, type LiveSitesStore } from '../../src/state/liveSites.ts';
import { FakeClient } from '../live/fakeMqtt.ts';

const root = path.resolve(import.meta.dirname, '../..');
const resolve: FileResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  try {
    return { text: readFileSync(path.join(root, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};
const site = (id: string, extra: object = {}) => ({ id, name: id, timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', ...extra });

async function plan(): Promise<NetworkPlan> {
  const loaded = await loadNetworkText(JSON.stringify({ format: 'plant-twin/network', version: 1, id: 'n', name: 'N', sites: [
    site('sim'),
    site('open', { live: { url: 'ws://broker:9001', topic: 'acme/open/#', expectedPeriodSeconds: 10, staleFactor: 3 }, idealCycleSeconds: 30 }),
    site('locked', { live: { url: 'wss://broker/mqtt', topic: 'acme/locked/#', username: 'planner' } }),
  ] }), 'networks/n.json', resolve);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.found).join('\n'));
  return loaded.value;
}

let store: LiveSitesStore | undefined;
afterEach(() => store?.getState().stop());

describe('the live sites of a network in the app', () => {
  it('connects open sites at once, a site with a user name only with its password, and ends them all on stop', async () => {
    const clients: FakeClient[] = [];
    const connect: Connect = (url, options) => {
      const c = new FakeClient(url, options);
      clients.push(c);
      return c;
    };
    store = createLiveSites(async () => connect);
    store.getState().start(await plan());
    expect(Object.keys(store.getState().sites).sort()).toEqual(['locked', 'open']);
    expect(store.getState().sites.locked).toMatchObject({ awaitingPassword: true, username: 'planner' });
    await new Promise((r) => setTimeout(r, 0));
    expect(clients.map((c) => c.url)).toEqual(['ws://broker:9001']);
    expect(clients[0]!.options).not.toHaveProperty('password');

    const open = clients[0]!;
    open.emit('connect', {});
    expect(open.subscriptions).toEqual([{ topics: ['acme/open/#'], qos: 1 }]);
    open.message('acme/open/fab/line-1/cell-1/LASER-01/state', { ts: Date.now() - 1000, state: 'processing' });
    open.message('acme/open/fab/line-1/cell-1/NOT-IN-LAYOUT/state', { ts: Date.now(), state: 'down' });
    await new Promise((r) => setTimeout(r, 600));
    const figures = store.getState().sites.open!.figures!;
    expect(figures).toMatchObject({ phase: 'connected', freshness: 'current', heard: 1, stale: 0 });
    expect(figures.kpis!.equipment.map((e) => e.equipment)).toEqual(['LASER-01']);
    expect(figures.kpis!.availability).toBe(1);

    store.getState().connect('locked', 'secret');
    await new Promise((r) => setTimeout(r, 0));
    expect(clients[1]!.options).toMatchObject({ username: 'planner', password: 'secret' });
    expect(store.getState().sites.locked!.awaitingPassword).toBe(false);
    // Another password replaces the refused connection rather than add one.
    store.getState().connect('locked', 'other');
    await new Promise((r) => setTimeout(r, 0));
    expect(clients[1]!.ended).toBe(true);
    expect(clients[2]!.options).toMatchObject({ password: 'other' });
    store.getState().connect('open', 'ignored');
    await new Promise((r) => setTimeout(r, 0));
    expect(clients).toHaveLength(3);

    store.getState().stop();
    expect(clients.every((c) => c.ended)).toBe(true);
    expect(store.getState().sites).toEqual({});
  });
});
