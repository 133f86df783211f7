import { parseJsonText } from './jsonText.ts';
import { BadLines, type Recording } from './recording.ts';
import { StateEvent } from './stateEventSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** Reads a JSON-lines recording: one StateEvent per line. Bad lines are reported as `line N`, skipped and counted. */
export function parseStateJsonLines(text: string, file: string): Recording {
  const bad = new BadLines(file);
  const events: StateEvent[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const json = parseJsonText(line, file);
    if (!json.ok) {
      bad.add(i + 1, json.problems.map((p) => ({ ...p, path: p.path.replace(/^line \d+ /, '') })));
      return;
    }
    const parsed = StateEvent.safeParse(json.value);
    if (parsed.success) events.push(parsed.data);
    else bad.add(i + 1, zodProblems(parsed.error.issues, json.value, StateEvent, file));
  });
  return bad.finish(events);
}
