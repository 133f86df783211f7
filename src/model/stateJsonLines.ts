import { parseJsonText } from './jsonText.ts';
import { BadLines, type Recording } from './recording.ts';
import { StateEvent } from './stateEventSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** One line of a JSON-lines recording (`lineNumber` from 1): the event, or undefined after reporting the line to `bad`. */
export function parseStateJsonLine(text: string, lineNumber: number, bad: BadLines, file: string): StateEvent | undefined {
  const line = lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
  if (line.trim() === '') return undefined;
  const json = parseJsonText(line, file);
  if (!json.ok) {
    bad.add(lineNumber, json.problems.map((p) => ({ ...p, path: p.path.replace(/^line \d+ /, '') })));
    return undefined;
  }
  const parsed = StateEvent.safeParse(json.value);
  if (parsed.success) return parsed.data;
  bad.add(lineNumber, zodProblems(parsed.error.issues, json.value, StateEvent, file));
  return undefined;
}

/** Reads a JSON-lines recording: one StateEvent per line. Bad lines are reported as `line N`, skipped and counted. */
export function parseStateJsonLines(text: string, file: string): Recording {
  const bad = new BadLines(file);
  const events: StateEvent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const event = parseStateJsonLine(line, i + 1, bad, file);
    if (event) events.push(event);
  });
  return bad.finish(events);
}
