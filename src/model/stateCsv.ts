import { closest } from './closest.ts';
import { Id, IsoDateTime } from './common.ts';
import { MACHINE_STATES } from './machineState.ts';
import { quote } from './render.ts';
import { BadLines, CUT_OFF_LINE, type LineProblem, type Recording } from './recording.ts';
import { CSV_HEADER, MAX_EPOCH_MS, StateField, type StateEvent } from './stateEventSchema.ts';

/**
 * Splits one CSV record; quoted fields may hold commas and doubled quotes. Undefined when a quote
 * is left open. Linear in the line's length: text between quotes is sliced, never built a
 * character at a time.
 */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return undefined;
        field += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const comma = line.indexOf(',', i);
      field += (comma < 0 ? line.slice(i) : line.slice(i, comma)).trim();
      i = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', i);
      field = comma < 0 ? line.slice(i) : line.slice(i, comma);
      i = comma < 0 ? line.length : comma;
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++;
  }
}

const EPOCH_MS = /^\d{1,15}$/;
const COUNT = /^\d{1,15}$/;

function readTime(text: string): number | string | LineProblem {
  if (EPOCH_MS.test(text) && Number(text) <= MAX_EPOCH_MS) return Number(text);
  if (IsoDateTime.safeParse(text).success) return text;
  return { expected: 'a time: an ISO 8601 date-time with offset, or milliseconds since 1970 (up to the year 9999)', found: quote(text), hint: 'e.g. 2026-11-30T06:00:00Z or 1796018400000' };
}

function readValue(field: StateField, text: string): string | number | LineProblem {
  switch (field) {
    case 'state': {
      if ((MACHINE_STATES as readonly string[]).includes(text)) return text;
      const guess = closest(text, MACHINE_STATES);
      return { expected: `a state: one of ${MACHINE_STATES.join(', ')}`, found: quote(text), hint: guess ? `did you mean '${guess}'?` : 'see docs/STATES.md for mappings from PackML, MTConnect and OPC UA' };
    }
    case 'order':
    case 'operation':
      return Id.safeParse(text).success ? text : { expected: `an ${field} id (letters, digits, "_", ".", ":" or "-")`, found: quote(text) };
    case 'good':
    case 'scrap':
      return COUNT.test(text) ? Number(text) : { expected: `a ${field} count: a whole number ≥ 0`, found: quote(text) };
    case 'reason':
      return text;
  }
}

function isProblem(v: unknown): v is LineProblem {
  return typeof v === 'object' && v !== null && 'expected' in v;
}

type Row = { ts: number | string; equipment: string; field: StateField; value: string | number };

function readRow(fields: string[]): Row | LineProblem {
  const [timeText = '', equipment = '', fieldText = '', valueText = ''] = fields;
  const ts = readTime(timeText);
  if (isProblem(ts)) return ts;
  if (!Id.safeParse(equipment).success) return { expected: 'an equipment id (letters, digits, "_", ".", ":" or "-")', found: quote(equipment) };
  const field = StateField.safeParse(fieldText);
  if (!field.success) {
    const guess = closest(fieldText, StateField.options);
    return { expected: `a field: one of ${StateField.options.join(', ')}`, found: quote(fieldText), ...(guess ? { hint: `did you mean '${guess}'?` } : {}) };
  }
  const value = readValue(field.data, valueText);
  if (isProblem(value)) return value;
  return { ts, equipment, field: field.data, value };
}

function headerProblem(line: string): LineProblem {
  return { expected: `a header line "${CSV_HEADER.join(',')}"`, found: quote(line), hint: 'the first line names the columns; add it if the file starts with data' };
}

/**
 * Reads a CSV long-format recording line by line, so a file can be streamed. Rows with the same
 * time and equipment that follow each other become one event, so a state and its reason arrive
 * together; an event is emitted once a row for another instant or machine (or finish) shows it is
 * complete. Bad lines go to `bad`.
 */
export class StateCsvReader {
  private columns: number[] | undefined;
  private pending: { key: string; event: StateEvent } | undefined;

  constructor(private readonly bad: BadLines, private readonly emit: (event: StateEvent) => void) {}

  /** One line of the file; `lineNumber` counts from 1. */
  line(text: string, lineNumber: number): void {
    const line = lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    if (!this.columns) {
      const names = fields?.map((f) => f.toLowerCase()) ?? [];
      const order = CSV_HEADER.map((name) => names.indexOf(name));
      if (names.length === CSV_HEADER.length && order.every((k) => k >= 0)) this.columns = order;
      else this.bad.add(lineNumber, [headerProblem(line)]);
      return;
    }
    if (!fields) {
      this.bad.add(lineNumber, [{ expected: 'a closing double quote', found: quote(line) }]);
      return;
    }
    if (fields.length !== CSV_HEADER.length) {
      this.bad.add(lineNumber, [{ expected: `4 comma-separated values: ${CSV_HEADER.join(',')}`, found: `${fields.length} value${fields.length === 1 ? '' : 's'}`,
        hint: 'put a value that contains a comma in double quotes' }]);
      return;
    }
    const row = readRow(this.columns.map((k) => fields[k] ?? ''));
    if (isProblem(row)) {
      this.bad.add(lineNumber, [row]);
      return;
    }
    const key = `${row.ts}\u0000${row.equipment}`;
    if (this.pending && this.pending.key === key && !(row.field in this.pending.event)) {
      Object.assign(this.pending.event, { [row.field]: row.value });
      return;
    }
    this.finish();
    this.pending = { key, event: { ts: row.ts, equipment: row.equipment, [row.field]: row.value } as StateEvent };
  }

  /** Emits the last event; call at the end of the file. */
  finish(): void {
    if (this.pending) this.emit(this.pending.event);
    this.pending = undefined;
  }
}

/**
 * Reads a CSV long-format recording (time,equipment,field,value; the columns in any order).
 * Bad lines are reported as `line N`, skipped and counted.
 */
export function parseStateCsv(text: string, file: string): Recording {
  const bad = new BadLines(file);
  const events: StateEvent[] = [];
  const reader = new StateCsvReader(bad, (event) => events.push(event));
  const lines = text.split(/\r?\n/);
  const last = lines.length - 1;
  lines.forEach((line, i) => {
    if (i === last && line !== '' && i > 0) bad.warn(i + 1, CUT_OFF_LINE);
    reader.line(line, i + 1);
  });
  reader.finish();
  return bad.finish(events, lines[last] === '' ? last : lines.length);
}
