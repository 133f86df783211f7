import { unknownHint } from '../model/closest.ts';
import type { Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import type { AlarmActionAt, AlarmOccurrence } from './alarms.ts';
import type { AlarmAction } from './answersSchema.ts';

/** Turns recorded alarm actions into plant minutes, with a problem for each that names no alarm raised by then. */
export function checkAlarmActions(
  actions: readonly AlarmAction[], occurrences: readonly AlarmOccurrence[], minute: (iso: string) => number, file: string,
): { actions: AlarmActionAt[]; problems: Problem[] } {
  const byId = new Map(occurrences.map((o) => [o.id, o]));
  const problems: Problem[] = [];
  const out: AlarmActionAt[] = [];
  actions.forEach((a, i) => {
    const path = `alarms[${i}]`;
    const o = byId.get(a.alarm);
    if (!o) {
      problems.push({ file, path: `${path}.alarm`, expected: 'an alarm raised in this run, "<rule>/<source>/<n>"', found: renderFound(a.alarm), hint: unknownHint(a.alarm, [...byId.keys()], 'alarm') });
      return;
    }
    const at = minute(a.at);
    if (at < o.raisedAt) {
      problems.push({ file, path: `${path}.at`, expected: `a time at or after the alarm was raised (minute ${o.raisedAt})`, found: `${renderFound(a.at)} (minute ${at})` });
      return;
    }
    const action: AlarmActionAt = { alarm: a.alarm, action: a.action, at };
    if (a.until !== undefined) action.until = minute(a.until);
    out.push(action);
  });
  return { actions: out, problems };
}
