/**
 * Which layout equipment an MQTT topic speaks for. Topics follow an ISA-95 unified namespace,
 * `{enterprise}/{site}/{area}/{line}/{cell}/{equipment}/state`; by default the segment before
 * the last (`state`) is the equipment id. A prefix map names equipment whose topic id differs from
 * the layout's (the longest matching prefix wins).
 */
export interface TopicMapping {
  /** Topic prefix (whole segments) → layout equipment id. */
  prefixes?: Readonly<Record<string, string>>;
  /** The last segment of a state topic; default `state`. */
  leaf?: string;
  /** The last segment of a heartbeat topic; default `heartbeat`. */
  heartbeatLeaf?: string;
}

export type TopicMatch =
  | { kind: 'state'; equipment: string }
  /** `{prefix}/heartbeat`: every equipment whose state topic lies under `prefix` still holds its state. */
  | { kind: 'heartbeat'; prefix: string }
  /** Sparkplug B is protobuf-encoded; decoding it needs a package the project does not have yet. */
  | { kind: 'sparkplug' }
  | { kind: 'other' };

export function topicFilter(enterprise: string, site: string): string {
  return `${enterprise}/${site}/#`;
}

export function matchTopic(topic: string, mapping: TopicMapping = {}): TopicMatch {
  if (topic.startsWith('spBv1.0/')) return { kind: 'sparkplug' };
  const leaf = mapping.leaf ?? 'state';
  const segments = topic.split('/');
  if (segments.length >= 2 && segments[segments.length - 1] === (mapping.heartbeatLeaf ?? 'heartbeat')) {
    const prefix = segments.slice(0, -1).join('/');
    return prefix === '' ? { kind: 'other' } : { kind: 'heartbeat', prefix };
  }
  if (segments.length < 2 || segments[segments.length - 1] !== leaf) return { kind: 'other' };
  const prefixes = mapping.prefixes;
  if (prefixes) {
    let best: string | undefined;
    for (const prefix of Object.keys(prefixes)) {
      const fits = topic === prefix || topic.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
      if (fits && (best === undefined || prefix.length > best.length)) best = prefix;
    }
    if (best !== undefined) return { kind: 'state', equipment: prefixes[best]! };
  }
  const equipment = segments[segments.length - 2]!;
  return equipment === '' ? { kind: 'other' } : { kind: 'state', equipment };
}

/**
 * Why `filter` is not an MQTT topic filter, or undefined when it is: not empty, at most 65,535
 * bytes, no NUL, `+` a whole level, `#` a whole last level.
 */
export function topicFilterProblem(filter: string): string | undefined {
  if (filter === '') return 'must not be empty';
  if (new TextEncoder().encode(filter).length > 65_535) return 'must be at most 65,535 bytes';
  if (filter.includes('\u0000')) return 'must not contain a NUL character';
  const levels = filter.split('/');
  for (const [i, level] of levels.entries()) {
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) {
      return `"${filter}": "#" must be a whole level and the last one (e.g. acme/plant-1/#)`;
    }
    if (level.includes('+') && level !== '+') return `"${filter}": "+" must be a whole level (e.g. acme/+/state)`;
  }
  return undefined;
}
