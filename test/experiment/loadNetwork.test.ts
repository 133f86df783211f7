import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResolver } from '../../src/experiment/loadExperiment.ts';
import { loadNetworkText, moveWork, zoneOffset } from '../../src/experiment/loadNetwork.ts';
import { formatProblem } from '../../src/model/problem.ts';

const root = path.resolve(import.meta.dirname, '../..');
const resolve: FileResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  try {
    return { text: readFileSync(path.join(root, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};
const load = (name: string) => loadNetworkText(readFileSync(path.join(root, name), 'utf8'), name, resolve);
const site = (id: string, extra: object = {}) => ({ id, name: id, timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', ...extra });
const base = { format: 'plant-twin/network', version: 1, id: 'n', name: 'N' };

describe('network files', () => {
  it('loads the three sample plants, each a checked scenario', async () => {
    const loaded = await load('networks/three-plants.json');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.sites.map((s) => s.plant.scenario!.id)).toEqual(['kitchen-hardware-week', 'electronics-smt-week', 'aerospace-machining-week']);
    expect(loaded.warnings).toEqual([]);
  });

  it('reads zone offsets from the engine\'s time-zone data', () => {
    expect(zoneOffset('Europe/Berlin', new Date('2026-11-30T00:00:00Z'))).toBe('+01:00');
    expect(zoneOffset('Europe/London', new Date('2026-11-30T00:00:00Z'))).toBe('+00:00');
    expect(zoneOffset('Mars/Olympus', new Date(0))).toBeUndefined();
  });

  const table: [string, unknown, RegExp][] = [
    ['no sites', { ...base, sites: [] }, /sites: expected .*at least 1/],
    ['a repeated site', { ...base, sites: [site('a'), site('a')] }, /sites\[1\]\.id: expected a site id not used before/],
    ['an unknown time zone', { ...base, sites: [site('a', { timeZone: 'Europe/Berln' })] }, /sites\[0\]\.timeZone: expected an IANA time zone/],
    ['a lane to nowhere', { ...base, sites: [site('leeds')], lanes: [{ from: 'leeds', to: 'leds', transit: { type: 'constant', value: 60 } }] }, /lanes\[0\]\.to: .*found "leds".*leeds/],
    ['a lane to itself', { ...base, sites: [site('a')], lanes: [{ from: 'a', to: 'a', transit: { type: 'constant', value: 60 } }] }, /lanes\[0\]: expected a lane between two different sites/],
    ['two lanes one way', { ...base, sites: [site('a'), site('b')], lanes: [1, 2].map(() => ({ from: 'a', to: 'b', transit: { type: 'constant', value: 60 } })) }, /lanes\[1\]: expected one lane per direction/],
    ['a missing scenario', { ...base, sites: [site('a', { scenario: 'nope.json' })] }, /sites\[0\]\.scenario: expected the path of a scenario file/],
    ['a password in a live site', { ...base, sites: [site('a', { live: { url: 'ws://broker:9001', topic: 'acme/#', username: 'u', password: 'hunter2' } })] },
      /^networks\/n\.json: sites\[0\]\.live\.password: expected no password in the file, found a password \(not shown\) — a network file is shared/],
    ['credentials in a broker URL', { ...base, sites: [site('a', { live: { url: 'wss://u:hunter2@broker/mqtt', topic: 'acme/#' } })] }, /^(?!.*hunter2).*sites\[0\]\.live\.url: expected a URL without user name or password, found credentials in wss:\/\/\*\*\*@broker/],
    ['a broker URL that is not one', { ...base, sites: [site('a', { live: { url: 'http://broker', topic: 'acme/#' } })] }, /sites\[0\]\.live\.url: expected a ws:\/\/, wss:\/\/, mqtt:\/\/ or mqtts:\/\/ URL/],
    ['a topic filter with # inside', { ...base, sites: [site('a', { live: { url: 'ws://broker:9001', topic: 'acme/#/state' } })] }, /sites\[0\]\.live\.topic: expected an MQTT topic filter .*"#" must be a whole level and the last one/],
    ['a topic mapped to equipment the layout lacks', { ...base, sites: [site('a', { live: { url: 'ws://broker:9001', topic: 'acme/#', mapping: { prefixes: { 'acme/leeds/laser': 'LASER-99' } } } })] },
      /sites\[0\]\.live\.mapping\.prefixes\.acme\/leeds\/laser: expected the id of equipment in the site's layout, found "LASER-99"/],
    ['an ideal cycle of a live site for unknown equipment', { ...base, sites: [site('a', { live: { url: 'ws://broker:9001', topic: 'acme/#' }, idealCycleSeconds: { NOPE: 5 } })] }, /sites\[0\]\.idealCycleSeconds\.NOPE: expected the id of equipment/],
    ['a negative transit', { ...base, sites: [site('a'), site('b')], lanes: [{ from: 'a', to: 'b', transit: { type: 'constant', value: -1 } }] }, /lanes\[0\]\.transit\.value/],
  ];
  it.each(table)('refuses %s, naming the place', async (_, network, message) => {
    const loaded = await loadNetworkText(JSON.stringify(network), 'networks/n.json', resolve);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map(formatProblem).join('\n')).toMatch(message);
  });

  it('keeps a live site\'s settings (defaults filled in) and its ideal cycle in ms, and warns of an ideal cycle with nothing to apply to', async () => {
    const loaded = await loadNetworkText(JSON.stringify({ ...base, sites: [
      site('a', { live: { url: 'ws://broker:9001', topic: 'acme/leeds/#', username: 'planner' }, idealCycleSeconds: { 'LASER-01': 30 } }),
      site('b', { idealCycleSeconds: 30 }),
    ] }), 'networks/n.json', resolve);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.sites[0]!.live).toEqual({ url: 'ws://broker:9001', topic: 'acme/leeds/#', username: 'planner', expectedPeriodSeconds: 60, staleFactor: 5 });
    expect(loaded.value.sites[0]!.idealCycleMs).toEqual({ 'LASER-01': 30_000 });
    expect(loaded.warnings.map(formatProblem)).toEqual(['networks/n.json: sites[1].idealCycleSeconds: expected "idealCycleSeconds" with a "recording" or "live", found neither — it only applies to recorded and live OEE']);
  });

  it('warns when a site\'s time zone disagrees with its scenario\'s start offset', async () => {
    const loaded = await loadNetworkText(JSON.stringify({ ...base, sites: [site('a', { timeZone: 'Europe/Berlin' })] }), 'networks/n.json', resolve);
    expect(loaded.ok && loaded.warnings.map(formatProblem).join('\n')).toMatch(/sites\[0\]\.timeZone: .*found Europe\/Berlin, \+01:00 then/);
  });
});

describe('moving work between sites', () => {
  it('moves a family\'s orders, due earlier by the transit back, and refuses what the target cannot make', async () => {
    const two = await load('networks/kitchen-two-sites.json');
    if (!two.ok) throw new Error('sample network');
    const leeds = two.value.sites[0]!.plant.scenario!;
    const hoods = leeds.orders.filter((o) => leeds.products.find((p) => p.id === o.product)!.family === 'range-hood');
    const moved = moveWork(two.value, 'leeds', 'dublin', { family: 'range-hood' });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.moved).toBe(hoods.length);
    expect(moved.scenarios.get('leeds')!.orders.length).toBe(leeds.orders.length - hoods.length);
    const arrived = moved.scenarios.get('dublin')!.orders.slice(leeds.orders.length);
    expect(arrived.map((o) => o.id)).toEqual(hoods.map((o) => `leeds:${o.id}`));
    expect(Date.parse(arrived[0]!.due)).toBe(Date.parse(hoods[0]!.due) - 1200 * 60_000);

    const three = await load('networks/three-plants.json');
    if (!three.ok) throw new Error('sample network');
    expect(moveWork(three.value, 'leeds', 'belfast', { family: 'range-hood' })).toMatchObject({ ok: false, reason: expect.stringMatching(/site belfast does not make/) });
    expect(moveWork(three.value, 'porto', 'belfast', { family: 'led-driver' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no lane from belfast back to porto/) });
  });
});
