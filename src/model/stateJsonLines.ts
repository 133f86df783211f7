import { parseJsonText } from './jsonText.ts';
import { BadLines, type LineProblem, type Recording } from './recording.ts';
import { MAX_EPOCH_MS, RecordingGap, StateEvent } from './stateEventSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** A line of a JSON-lines recording: an event, or a gap marker. */
export type RecordingLine = { event: StateEvent } | { gap: RecordingGap };

/** The reason given to the `unknown` events a gap stands for. */
export function gapReason(gap: RecordingGap): string {
  return `recording gap: ${gap.gap}`;
}

/**
 * What a gap means for each equipment known before it: its state is unknown from the gap's start
 * until its next event, never the last state heard.
 */
export function gapEvents(gap: RecordingGap, equipment: Iterable<string>): StateEvent[] {
  const reason = gapReason(gap);
  return [...equipment].map((id) => ({ ts: gap.ts, equipment: id, state: 'unknown', reason }));
}

/** An epoch time past the year 9999 in a recording's `ts` or `until`: no recorded event is that late. */
function farTime(value: unknown): LineProblem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['ts', 'until'] as const) {
    const t = (value as Record<string, unknown>)[key];
    if (typeof t === 'number' && t > MAX_EPOCH_MS) {
      return { path: key, expected: 'milliseconds since 1970 up to the end of the year 9999 (253402300799999)', found: String(t) };
    }
  }
  return undefined;
}

/** One line of a JSON-lines recording (`lineNumber` from 1), or undefined after reporting the line to `bad`. */
export function parseRecordingJsonLine(text: string, lineNumber: number, bad: BadLines, file: string): RecordingLine | undefined {
  const line = lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
  if (line.trim() === '') return undefined;
  const json = parseJsonText(line, file);
  if (!json.ok) {
    bad.add(lineNumber, json.problems.map((p) => ({ ...p, path: p.path.replace(/^line \d+ /, '') })));
    return undefined;
  }
  const far = farTime(json.value);
  if (far) {
    bad.add(lineNumber, [far]);
    return undefined;
  }
  const isGap = typeof json.value === 'object' && json.value !== null && 'gap' in json.value;
  if (isGap) {
    const gap = RecordingGap.safeParse(json.value);
    if (gap.success) return { gap: gap.data };
    bad.add(lineNumber, zodProblems(gap.error.issues, json.value, RecordingGap, file));
    return undefined;
  }
  const parsed = StateEvent.safeParse(json.value);
  if (parsed.success) return { event: parsed.data };
  bad.add(lineNumber, zodProblems(parsed.error.issues, json.value, StateEvent, file));
  return undefined;
}

/**
 * Reads a JSON-lines recording: one StateEvent per line, and gap markers as `unknown` events of
 * the equipment known before them. Bad lines are reported as `line N`, skipped and counted.
 */
export function parseStateJsonLines(text: string, file: string): Recording {
  const bad = new BadLines(file);
  const events: StateEvent[] = [];
  const equipment = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const read = parseRecordingJsonLine(line, i + 1, bad, file);
    if (!read) return;
    if ('gap' in read) {
      events.push(...gapEvents(read.gap, equipment));
      return;
    }
    equipment.add(read.event.equipment);
    events.push(read.event);
  });
  return bad.finish(events, lines.at(-1) === '' ? lines.length - 1 : lines.length);
}
