import { Findings } from './findings.ts';
import { parseJsonText } from './jsonText.ts';
import type { Loaded } from './problem.ts';
import { Schedule } from './scheduleSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** Loads a schedule file: its schema, then times that must run forwards. */
export function loadScheduleText(text: string, file: string): Loaded<Schedule> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const parsed = Schedule.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, Schedule, file) };
  const f = new Findings(file);
  parsed.data.operations.forEach((op, i) => {
    const path = `operations[${i}]`;
    if (Date.parse(op.end) < Date.parse(op.start)) {
      f.error(`${path}.end`, `an end at or after the start (${op.start})`, JSON.stringify(op.end));
    }
    if (op.setup && Date.parse(op.setup.start) + op.setup.minutes * 60_000 > Date.parse(op.start)) {
      f.error(`${path}.setup.start`, `a changeover that ends by the operation's start (${op.start})`,
        `${JSON.stringify(op.setup.start)} plus ${op.setup.minutes} min`);
    }
    const first = op.setup ? op.setup.start : op.start;
    if (op.begin !== undefined && Date.parse(op.begin) > Date.parse(first)) {
      f.error(`${path}.begin`, `a begin at or before the ${op.setup ? 'changeover' : 'operation'}'s start (${first})`, JSON.stringify(op.begin));
    }
  });
  return f.result(parsed.data);
}
