import type { Layout } from '../model/layoutSchema.ts';
import type { PlantTraceData } from '../sim/plant/trace.ts';

/** One state message of a simulated plant, at its simulated minute. */
export interface TraceMessage {
  minute: number;
  topic: string;
  /** `{ts, state, order?}`: the MQTT payload of docs/STATES.md, ts in ms since the epoch. */
  payload: { ts: number; state: string; order?: string };
}

/** ISA-95 unified-namespace topic of every equipment of a layout: `{enterprise}/{site}/{area}/{line}/{cell}/{equipment}/state`. */
export function stateTopics(layout: Layout, enterprise: string): Map<string, string> {
  const topics = new Map<string, string>();
  const site = layout.site;
  for (const area of site.areas) {
    for (const line of area.lines) {
      for (const cell of line.cells) {
        for (const e of cell.equipment) topics.set(e.id, [enterprise, site.id, area.id, line.id, cell.id, e.id, 'state'].join('/'));
      }
    }
  }
  return topics;
}

/** MQTT topic segments may not hold the wildcards or a slash; spaces are legal but awkward to type. */
export function topicSegment(name: string): string {
  return name.replace(/[/#+\s]+/g, '-');
}

/**
 * The state changes of a simulation trace as MQTT messages in time order. The order a machine
 * works on is the order of the lot last loaded onto it (the trace's loads), when it processes or
 * sets up; the trace does not hold operations or counts.
 */
export function traceMessages(trace: PlantTraceData, topics: ReadonlyMap<string, string>, startMs: number): TraceMessage[] {
  const lastLot = new Int32Array(trace.equipment.length).fill(-1);
  const messages: TraceMessage[] = [];
  let load = 0;
  for (let i = 0; i < trace.stateTime.length; i++) {
    const minute = trace.stateTime[i]!;
    while (load < trace.loadTime.length && trace.loadTime[load]! <= minute) {
      lastLot[trace.loadEquipment[load]!] = trace.loadLot[load]!;
      load++;
    }
    const k = trace.stateEquipment[i]!;
    const topic = topics.get(trace.equipment[k]!);
    if (topic === undefined) continue;
    const state = trace.states[trace.stateCode[i]!]!;
    const payload: TraceMessage['payload'] = { ts: Math.round(startMs + minute * 60_000), state };
    const lot = lastLot[k]!;
    if ((state === 'processing' || state === 'setup') && lot >= 0) {
      const order = trace.orders[trace.lotOrder[lot]!];
      if (order !== undefined) payload.order = order;
    }
    messages.push({ minute, topic, payload });
  }
  return messages;
}
