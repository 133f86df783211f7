import { distributionMean } from '../model/common.ts';
import { Findings } from '../model/findings.ts';
import { parseJsonText } from '../model/jsonText.ts';
import { loadScenarioText, type Plant } from '../model/load.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import { zodProblems } from '../model/zodProblems.ts';
import type { FileResolver } from './loadExperiment.ts';
import { layoutEquipmentIds } from '../live/snapshot.ts';
import { topicFilterProblem } from '../live/topicMapping.ts';
import { Network, type LiveSite } from './networkSchema.ts';
import { recordedSite, type RecordedSite } from './recordedSite.ts';

export interface SitePlan {
  id: string;
  name: string;
  timeZone: string;
  plant: Plant;
  /** The site's recording summed by the live/recorded KPI code, when the site names one. */
  recorded?: RecordedSite;
  /** The site's live source, when it names one (the app connects; a file never holds a password). */
  live?: LiveSite;
  /** Ideal cycle per unit, ms (all equipment or per id), for the recorded and live OEE. */
  idealCycleMs?: number | Record<string, number>;
}

export interface NetworkPlan {
  network: Network;
  file: string;
  sites: SitePlan[];
}

/** "+01:00" for a zone at an instant, or undefined for a zone this engine does not know. */
export function zoneOffset(timeZone: string, at: Date): string | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    if (!name) return undefined;
    return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  } catch {
    return undefined;
  }
}

function isoOffset(iso: string): string {
  const m = /([+-]\d\d:\d\d|Z)$/.exec(iso);
  return !m || m[1] === 'Z' ? '+00:00' : m[1]!;
}

/**
 * Loads a network: its schema, references between sites and lanes, each time zone, and every
 * site's scenario through the same loader as a scenario file. A site's scenario problems name the
 * network file and the site. A scenario whose start offset differs from its site's time zone at
 * that instant is a warning: shift times would be read in another clock than the site's. A site's
 * recording, if it names one, is read (through `recordings`: scenarios and layouts are JSON, a
 * recording is not) and summed by the live/recorded KPI code (recordedSite).
 */
export async function loadNetworkText(text: string, file: string, resolve: FileResolver, recordings: FileResolver = resolve): Promise<Loaded<NetworkPlan>> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const format = (json.value as { format?: unknown } | null)?.format;
  if (format !== 'plant-twin/network') return { ok: false, problems: [{ file, path: 'format', expected: '"plant-twin/network"', found: renderFound(format) }] };
  const secret = credentialsIn(json.value, file);
  if (secret.length) return { ok: false, problems: secret };
  const parsed = Network.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, Network, file) };
  const network = parsed.data;
  const f = new Findings(file);
  const ids = f.unique(network.sites, (s) => s.id, (i) => `sites[${i}].id`, 'a site id');
  network.sites.forEach((s, i) => {
    if (!zoneOffset(s.timeZone, new Date(0))) f.error(`sites[${i}].timeZone`, 'an IANA time zone such as "Europe/Berlin" or "America/Chicago"', renderFound(s.timeZone));
  });
  const lanes = new Map<string, number>();
  network.lanes.forEach((l, i) => {
    f.reference(`lanes[${i}].from`, l.from, ids, 'the id of a site of this network', 'site');
    f.reference(`lanes[${i}].to`, l.to, ids, 'the id of a site of this network', 'site');
    if (l.from === l.to) f.error(`lanes[${i}]`, 'a lane between two different sites', `from and to both "${l.from}"`);
    const key = `${l.from}→${l.to}`;
    const before = lanes.get(key);
    if (before !== undefined) f.error(`lanes[${i}]`, 'one lane per direction', `${key} again, as at lanes[${before}]`);
    else lanes.set(key, i);
  });
  if (f.errors.length) return { ok: false, problems: f.errors };

  const problems: Problem[] = [];
  const sites: SitePlan[] = [];
  for (const [i, s] of network.sites.entries()) {
    const read = await resolve(s.scenario, file);
    if (!read) {
      problems.push({ file, path: `sites[${i}].scenario`, expected: 'the path of a scenario file, relative to this file', found: `${renderFound(s.scenario)}, but there is no such file` });
      continue;
    }
    const loaded = await loadScenarioText(read.text, read.file, resolve);
    if (!loaded.ok) {
      for (const p of loaded.problems) problems.push({ ...p, file, path: `sites[${i}] (site "${s.id}"), ${p.file}${p.path ? `: ${p.path}` : ''}` });
      continue;
    }
    const start = loaded.value.scenario!.start;
    const zone = zoneOffset(s.timeZone, new Date(start));
    if (zone && zone !== isoOffset(start)) {
      f.warn(`sites[${i}].timeZone`, `a zone whose offset at the scenario start (${start}) is ${isoOffset(start)}`, `${s.timeZone}, ${zone} then`, 'shift times are read in the offset of the scenario start; give the start in the site\'s local offset');
    }
    const equipment = new Set(layoutEquipmentIds(loaded.value.layout));
    const ideal = s.idealCycleSeconds;
    const unknownIdeal = ideal === undefined || typeof ideal === 'number' ? undefined : Object.keys(ideal).find((k) => !equipment.has(k));
    if (unknownIdeal !== undefined) {
      problems.push({ file, path: `sites[${i}].idealCycleSeconds.${unknownIdeal}`, expected: 'the id of equipment in the site\'s layout', found: renderFound(unknownIdeal) });
      continue;
    }
    if (s.live) {
      const live = liveProblems(s.live, i, file, equipment);
      if (live.length) {
        problems.push(...live);
        continue;
      }
    }
    let recorded: RecordedSite | undefined;
    if (s.recording !== undefined) {
      const r = await recordedSite(s, i, loaded.value, file, recordings);
      problems.push(...r.problems);
      recorded = r.value;
    } else if (s.recordingMapping !== undefined) {
      f.warn(`sites[${i}].recordingMapping`, '"recordingMapping" with a "recording"', 'no "recording"', 'it only applies to a site\'s recording');
    }
    if (ideal !== undefined && s.recording === undefined && s.live === undefined) {
      f.warn(`sites[${i}].idealCycleSeconds`, '"idealCycleSeconds" with a "recording" or "live"', 'neither', 'it only applies to recorded and live OEE');
    }
    const idealCycleMs = ideal === undefined ? undefined
      : typeof ideal === 'number' ? ideal * 1000 : Object.fromEntries(Object.entries(ideal).map(([k, v]) => [k, v * 1000]));
    sites.push({
      id: s.id, name: s.name, timeZone: s.timeZone, plant: loaded.value,
      ...(recorded ? { recorded } : {}), ...(s.live ? { live: s.live } : {}), ...(idealCycleMs !== undefined ? { idealCycleMs } : {}),
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { network, file, sites }, warnings: f.warnings };
}

const NO_SECRETS = 'a network file is shared: leave credentials out (give "username"; the app asks for the password)';

/** A password in a site's live settings or broker URL, refused before anything else with where it is. */
function credentialsIn(json: unknown, file: string): Problem[] {
  const sites = (json as { sites?: unknown } | null)?.sites;
  if (!Array.isArray(sites)) return [];
  return sites.flatMap((site: unknown, i) => {
    const live = (site as { live?: unknown } | null)?.live as Record<string, unknown> | null | undefined;
    if (!live || typeof live !== 'object') return [];
    const keys = Object.keys(live).filter((k) => /pass|secret|token/i.test(k));
    return keys.map((k) => ({ file, path: `sites[${i}].live.${k}`, expected: 'no password in the file', found: 'a password (not shown)', hint: NO_SECRETS }));
  });
}

/** A live site's broker URL, topic filter and topic mapping, checked against the site's layout. */
function liveProblems(live: LiveSite, i: number, file: string, equipment: ReadonlySet<string>): Problem[] {
  const at = (key: string) => `sites[${i}].live.${key}`;
  const problems: Problem[] = [];
  let url: URL | undefined;
  try {
    url = new URL(live.url);
  } catch {
    problems.push({ file, path: at('url'), expected: 'a broker URL such as ws://broker:9001 or wss://broker/mqtt', found: renderFound(live.url.replace(/\/\/[^@/]*@/, '//***@')) });
  }
  if (url && !/^(wss?|mqtts?):$/.test(url.protocol)) problems.push({ file, path: at('url'), expected: 'a ws://, wss://, mqtt:// or mqtts:// URL (the browser needs ws:// or wss://)', found: renderFound(`${url.protocol}//${url.host}`) });
  if (url && (url.username || url.password)) {
    problems.push({ file, path: at('url'), expected: 'a URL without user name or password', found: `credentials in ${url.protocol}//***@${url.host}`, hint: NO_SECRETS });
  }
  const topic = topicFilterProblem(live.topic);
  if (topic) problems.push({ file, path: at('topic'), expected: 'an MQTT topic filter such as acme/leeds/#', found: `${renderFound(live.topic)}: ${topic}` });
  for (const [prefix, id] of Object.entries(live.mapping?.prefixes ?? {})) {
    if (!equipment.has(id)) problems.push({ file, path: `${at('mapping.prefixes')}.${prefix}`, expected: 'the id of equipment in the site\'s layout', found: renderFound(id) });
  }
  return problems;
}

/** Mean transit minutes of the lane from → to, or undefined when the network has none. */
export function laneMinutes(network: Network, from: string, to: string): number | undefined {
  const lane = network.lanes.find((l) => l.from === from && l.to === to);
  return lane ? distributionMean(lane.transit) : undefined;
}

export type Move = { family: string } | { orders: string[] };

/**
 * The what-if of moving work between sites: the orders (or every order of a product family) leave
 * the source scenario and join the target's, due earlier by the mean transit of the lane back to
 * the source (the goods still ship to the source's customers). The target must make the products
 * (same product ids) and there must be a lane back; otherwise the move is refused with the reason.
 */
export function moveWork(plan: NetworkPlan, from: string, to: string, move: Move): { ok: true; scenarios: Map<string, Scenario>; moved: number } | { ok: false; reason: string } {
  const source = plan.sites.find((s) => s.id === from)?.plant.scenario;
  const target = plan.sites.find((s) => s.id === to)?.plant.scenario;
  if (!source || !target) return { ok: false, reason: `no site "${!source ? from : to}" in the network` };
  if (from === to) return { ok: false, reason: 'the source and the target are the same site' };
  const back = laneMinutes(plan.network, to, from);
  if (back === undefined) return { ok: false, reason: `the network has no lane from ${to} back to ${from} for the finished goods` };
  const family = 'family' in move ? move.family : undefined;
  const products = new Map(source.products.map((p) => [p.id, p]));
  const moving = source.orders.filter((o) => ('orders' in move ? move.orders.includes(o.id) : products.get(o.product)?.family === family));
  if (moving.length === 0) return { ok: false, reason: family ? `site ${from} has no orders of family "${family}"` : 'none of those orders is at the source site' };
  const known = new Set(target.products.map((p) => p.id));
  const missing = [...new Set(moving.map((o) => o.product))].filter((p) => !known.has(p));
  if (missing.length) return { ok: false, reason: `site ${to} does not make ${missing.join(', ')} (no such product in its scenario), so those orders cannot move there` };
  const taken = new Set(target.orders.map((o) => o.id));
  const shifted = moving.map((o) => ({
    ...o,
    id: taken.has(o.id) ? `${from}:${o.id}` : o.id,
    due: new Date(Date.parse(o.due) - back * 60_000).toISOString(),
  }));
  const ids = new Set(moving.map((o) => o.id));
  return {
    ok: true, moved: moving.length,
    scenarios: new Map([
      [from, { ...source, orders: source.orders.filter((o) => !ids.has(o.id)) }],
      [to, { ...target, orders: [...target.orders, ...shifted] }],
    ]),
  };
}
