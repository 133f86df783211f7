import { Findings } from './findings.ts';
import { parseJsonText } from './jsonText.ts';
import type { Loaded } from './problem.ts';
import { DispatchList } from './scheduleSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** Loads a dispatch list: its schema, one entry per equipment, unique job sequence numbers, forward times. */
export function loadDispatchListText(text: string, file: string): Loaded<DispatchList> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const parsed = DispatchList.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, DispatchList, file) };
  const f = new Findings(file);
  const list = parsed.data.equipment;
  f.unique(list, (e) => e.equipment, (i) => `equipment[${i}].equipment`, 'an equipment id');
  list.forEach((entry, i) => {
    f.unique(entry.jobs, (j) => String(j.sequence), (k) => `equipment[${i}].jobs[${k}].sequence`, 'a sequence number');
    entry.jobs.forEach((job, k) => {
      if (Date.parse(job.plannedEnd) < Date.parse(job.plannedStart)) {
        f.error(`equipment[${i}].jobs[${k}].plannedEnd`, `an end at or after the planned start (${job.plannedStart})`, JSON.stringify(job.plannedEnd));
      }
    });
  });
  return f.result(parsed.data);
}
