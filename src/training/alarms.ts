import { ALARM_PRIORITIES, type AlarmRule } from './lessonSchema.ts';

/**
 * Alarms in the manner of ISA-18.2 (ANSI/ISA-18.2-2016, the alarm state model): each alarm has
 * a priority; it is raised when its condition becomes true and clears when it returns to
 * normal; the operator acknowledges it, and may shelve it (take it off the list for a while).
 * An alarm leaves the list only once it has cleared and been acknowledged.
 *
 * States here, with the standard's letters: unacknowledged (B, active, not acknowledged),
 * acknowledged (C, active), cleared-unacknowledged (D, returned to normal unacknowledged),
 * normal (A, off the list), shelved (E). Suppression by design and out-of-service are not used.
 */
export type AlarmState = 'unacknowledged' | 'acknowledged' | 'cleared-unacknowledged' | 'normal' | 'shelved';

/** One raising of an alarm: a rule's condition true on one source (a machine or an order) for a while. */
export interface AlarmOccurrence {
  /** "<rule>/<source>/<n>": the n-th occurrence (from 1) of the rule on the source. */
  id: string;
  rule: string;
  kind: AlarmRule['kind'];
  priority: AlarmRule['priority'];
  source: string;
  message: string;
  /** Plant minutes. */
  raisedAt: number;
  /** Null while the condition still holds. */
  clearedAt: number | null;
}

export interface AlarmActionAt {
  alarm: string;
  action: 'acknowledge' | 'shelve' | 'unshelve';
  /** Plant minutes. */
  at: number;
  until?: number;
}

export interface AlarmView extends AlarmOccurrence {
  state: AlarmState;
  active: boolean;
  acknowledgedAt: number | null;
  shelvedUntil: number | null;
}

/** The state of one alarm at plant minute t, given the operator's actions (any order). */
export function alarmAt(o: AlarmOccurrence, actions: readonly AlarmActionAt[], t: number): AlarmView {
  const own = actions.filter((a) => a.alarm === o.id && a.at <= t).sort((a, b) => a.at - b.at);
  const ack = own.find((a) => a.action === 'acknowledge');
  let shelvedUntil: number | null = null;
  for (const a of own) {
    if (a.action === 'shelve') shelvedUntil = a.until ?? Infinity;
    if (a.action === 'unshelve') shelvedUntil = null;
  }
  if (shelvedUntil !== null && shelvedUntil <= t) shelvedUntil = null;
  const active = t >= o.raisedAt && (o.clearedAt === null || t < o.clearedAt);
  const acknowledgedAt = ack ? ack.at : null;
  let state: AlarmState;
  if (shelvedUntil !== null) state = 'shelved';
  else if (active) state = acknowledgedAt === null ? 'unacknowledged' : 'acknowledged';
  else state = acknowledgedAt === null && t >= o.raisedAt ? 'cleared-unacknowledged' : 'normal';
  return { ...o, state, active, acknowledgedAt, shelvedUntil };
}

const PRIORITY_RANK = new Map(ALARM_PRIORITIES.map((p, i) => [p, i]));
const STATE_RANK: Record<AlarmState, number> = { unacknowledged: 0, 'cleared-unacknowledged': 1, acknowledged: 2, shelved: 3, normal: 4 };

/**
 * The alarm list at minute t: raised alarms that are not back to normal, by priority, then
 * unacknowledged before acknowledged, then newest first. Shelved alarms are listed last (the
 * app shows them apart) so the operator can unshelve them.
 */
export function alarmList(occurrences: readonly AlarmOccurrence[], actions: readonly AlarmActionAt[], t: number): AlarmView[] {
  return occurrences
    .filter((o) => o.raisedAt <= t)
    .map((o) => alarmAt(o, actions, t))
    .filter((v) => v.state !== 'normal')
    .sort((a, b) => (a.state === 'shelved' ? 1 : 0) - (b.state === 'shelved' ? 1 : 0)
      || PRIORITY_RANK.get(a.priority)! - PRIORITY_RANK.get(b.priority)!
      || STATE_RANK[a.state] - STATE_RANK[b.state]
      || b.raisedAt - a.raisedAt);
}

/** Minutes from raising to the first acknowledgement or shelving (both take the alarm in hand), or null. */
export function responseMinutes(o: AlarmOccurrence, actions: readonly AlarmActionAt[]): number | null {
  let first = Infinity;
  for (const a of actions) if (a.alarm === o.id && a.action !== 'unshelve' && a.at >= o.raisedAt) first = Math.min(first, a.at);
  return first === Infinity ? null : first - o.raisedAt;
}

/** Opens and closes occurrences as conditions change; ids count per rule and source. */
export class AlarmRecorder {
  readonly occurrences: AlarmOccurrence[] = [];
  private readonly open = new Map<string, AlarmOccurrence>();
  private readonly counts = new Map<string, number>();

  set(rule: AlarmRule, source: string, active: boolean, t: number, message: string): void {
    const key = `${rule.id}/${source}`;
    const current = this.open.get(key);
    if (active && !current) {
      const n = (this.counts.get(key) ?? 0) + 1;
      this.counts.set(key, n);
      const o: AlarmOccurrence = { id: `${key}/${n}`, rule: rule.id, kind: rule.kind, priority: rule.priority, source, message, raisedAt: t, clearedAt: null };
      this.occurrences.push(o);
      this.open.set(key, o);
    } else if (!active && current) {
      current.clearedAt = t;
      this.open.delete(key);
    }
  }
}
