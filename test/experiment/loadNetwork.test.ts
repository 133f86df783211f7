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
    ['a negative transit', { ...base, sites: [site('a'), site('b')], lanes: [{ from: 'a', to: 'b', transit: { type: 'constant', value: -1 } }] }, /lanes\[0\]\.transit\.value/],
  ];
  it.each(table)('refuses %s, naming the place', async (_, network, message) => {
    const loaded = await loadNetworkText(JSON.stringify(network), 'networks/n.json', resolve);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map(formatProblem).join('\n')).toMatch(message);
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
