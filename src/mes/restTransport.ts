import type { Outcome } from './auditEntry.ts';
import { MesAnswer } from './mesAnswer.ts';
import { redact } from './redact.ts';
import { httpVerdict, retryAfterMs } from './retryPolicy.ts';
import type { ApprovedVersion } from './version.ts';

export interface RestSettings {
  url: string;
  /** Bearer token; never written anywhere (errors are passed through `redact`). */
  token?: string;
  /** Body: the B2MML ProcessJobList (default) or the dispatch list JSON. */
  format?: 'b2mml' | 'json';
}

/** The part of `fetch` the transport uses, so tests and Node can pass their own. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) =>
  Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export type RestResult =
  | { kind: 'answer'; httpStatus: number; outcome: Outcome; text: string; workCentres: { workCentre: string; outcome: Outcome; text: string }[] }
  | { kind: 'retry' | 'wait'; error: string; httpStatus?: number; retryAfterMs?: number }
  | { kind: 'stop'; error: string; httpStatus?: number };

/** The request a version makes: always the same bytes and the version id as Idempotency-Key. */
export function restRequest(v: ApprovedVersion, settings: RestSettings): { headers: Record<string, string>; body: string } {
  const json = settings.format === 'json';
  const headers: Record<string, string> = {
    'Content-Type': json ? 'application/json' : 'application/xml; charset=utf-8',
    Accept: 'application/json',
    'Idempotency-Key': v.id,
  };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  return { headers, body: json ? v.documents.json : v.documents.b2mml };
}

function networkError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `network error: ${e.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

/** The MES's own words from an error reply: a JSON message field, else the text. */
function mesMessage(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['message', 'text', 'error', 'detail', 'title']) if (typeof json[key] === 'string') return json[key] as string;
  } catch { /* not JSON: the text itself */ }
  return body.trim().slice(0, 500);
}

function answerOf(v: ApprovedVersion, status: number, body: string): RestResult {
  if (body.trim() === '') return { kind: 'answer', httpStatus: status, outcome: 'accepted', text: `HTTP ${status}`, workCentres: [] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'answer', httpStatus: status, outcome: 'accepted', text: `HTTP ${status}: ${body.trim().slice(0, 200)}`, workCentres: [] };
  }
  const parsed = MesAnswer.safeParse(json);
  if (!parsed.success) return { kind: 'stop', httpStatus: status, error: `the MES answered HTTP ${status} with JSON that is not an answer (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})` };
  const a = parsed.data;
  if (a.id !== v.id) return { kind: 'stop', httpStatus: status, error: `the MES answered for version ${a.id}, not ${v.id}` };
  const known = new Set(v.workCentres.map((w) => w.workCentre));
  return {
    kind: 'answer', httpStatus: status, outcome: a.status, text: a.text,
    workCentres: a.workCentres.filter((w) => known.has(w.workCentre)).map((w) => ({ workCentre: w.workCentre, outcome: w.status, text: w.text })),
  };
}

/** POSTs a version once and says what happened; never throws for what the network or the MES does. */
export async function postVersion(v: ApprovedVersion, settings: RestSettings, fetchFn: FetchLike, timeoutMs: number, nowMs: number, signal?: AbortSignal): Promise<RestResult> {
  const { headers, body } = restRequest(v, settings);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  const secrets = [settings.token];
  try {
    const response = await fetchFn(settings.url, { method: 'POST', headers, body, signal: controller.signal });
    const text = await response.text();
    const verdict = httpVerdict(response.status);
    if (verdict === 'answer') return answerOf(v, response.status, text);
    const message = redact(`HTTP ${response.status}${text.trim() ? `: ${mesMessage(text)}` : ''}`, secrets);
    if (verdict === 'stop') return { kind: 'stop', httpStatus: response.status, error: message };
    return { kind: verdict, httpStatus: response.status, error: message, retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), nowMs) };
  } catch (error) {
    return { kind: 'retry', error: redact(networkError(error, timedOut, timeoutMs), secrets) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
