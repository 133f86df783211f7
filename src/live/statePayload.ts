import { Heartbeat } from '../model/heartbeatSchema.ts';
import { findDuplicateKeys } from '../model/jsonDuplicates.ts';
import type { Problem } from '../model/problem.ts';
import { quote } from '../model/render.ts';
import { StateEvent } from '../model/stateEventSchema.ts';
import { zodProblems } from '../model/zodProblems.ts';
import { eventTimeMs } from './stateColumns.ts';

export type PayloadResult = { ok: true; event: StateEvent } | { ok: false; problems: Problem[] };

/**
 * The JSON payload of a state message, `{ts, state, reason?, order?, operation?, good?, scrap?}`,
 * as a StateEvent of the equipment the topic names (the topic decides, not a field of the payload).
 * `source` (the topic) stands where problems name a file.
 */
export function parseStatePayload(equipment: string, payload: string, source: string): PayloadResult {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, problems: [{ file: source, path: '', expected: 'a JSON object {ts, state, reason?, order?, operation?, good?, scrap?}', found: JSON.stringify(payload.slice(0, 60)) }] };
  }
  const duplicate = findDuplicateKeys(payload, 1)[0];
  if (duplicate) {
    return { ok: false, problems: [{ file: source, path: duplicate.path, expected: 'each key at most once in the payload', found: `${quote(duplicate.key)} twice` }] };
  }
  const candidate = json && typeof json === 'object' && !Array.isArray(json) ? { ...json, equipment } : json;
  const parsed = StateEvent.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, problems: zodProblems(parsed.error.issues, candidate, StateEvent, source).map((p) => ({ ...p, file: source })) };
}

export type HeartbeatResult = { ok: true; ts: number | undefined } | { ok: false; problems: Problem[] };

/** A heartbeat payload: empty, or `{"ts": …, …}` (see Heartbeat); its publisher time if it has one. */
export function parseHeartbeatPayload(payload: string, source: string): HeartbeatResult {
  if (payload.trim() === '') return { ok: true, ts: undefined };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, problems: [{ file: source, path: '', expected: 'an empty payload or a JSON object {ts?, …}', found: JSON.stringify(payload.slice(0, 60)) }] };
  }
  const duplicate = findDuplicateKeys(payload, 1)[0];
  if (duplicate) {
    return { ok: false, problems: [{ file: source, path: duplicate.path, expected: 'each key at most once in the payload', found: `${quote(duplicate.key)} twice` }] };
  }
  const parsed = Heartbeat.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json, Heartbeat, source).map((p) => ({ ...p, file: source })) };
  return { ok: true, ts: parsed.data.ts === undefined ? undefined : eventTimeMs(parsed.data.ts) };
}
