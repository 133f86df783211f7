import type { Problem } from '../model/problem.ts';
import { BadLines, CUT_OFF_LINE, noEventsProblem } from '../model/recording.ts';
import { StateCsvReader } from '../model/stateCsv.ts';
import type { StateEvent } from '../model/stateEventSchema.ts';
import { gapReason, parseRecordingJsonLine } from '../model/stateJsonLines.ts';
import { invalidTextProblem, StrictTextDecoder, type TextEncodingName } from '../model/textDecoding.ts';
import { readDevicesXml } from './mtconnectDevices.ts';
import { ShdrReader } from './shdr.ts';
import { columnsOf, eventTimeMs, StateColumnsBuilder, type StateColumns } from './stateColumns.ts';

export type RecordingFormat = 'csv' | 'jsonl' | 'shdr';

export interface RecordingProgress {
  bytes: number;
  /** Size of the file when known. */
  totalBytes?: number;
  lines: number;
  events: number;
  badLines: number;
}

export interface RecordingReadOptions {
  /** File name: shown in problems, and its extension picks the format unless `format` is given. */
  name: string;
  format?: RecordingFormat;
  /** SHDR: the device model (Devices.xml text) and which device of it; the first by default. */
  devicesXml?: string;
  device?: string;
  /** SHDR: the twin's equipment id for the device; by default its name in Devices.xml, else the file's name without extension. */
  equipment?: string;
  /** How the bytes are text: UTF-8 (default; invalid bytes stop the read with their line) or Latin-1 (ISO 8859-1). */
  encoding?: TextEncodingName;
  /** Longest line read, in characters (default 1 Mi); a longer one is a bad line, skipped without being held. */
  maxLineLength?: number;
  /** False: count events without keeping them (a validator's pass over a file of any size); columns come back empty. */
  keepColumns?: boolean;
  onProgress?: (progress: RecordingProgress) => void;
  /** Bytes between progress reports (default 1 MiB). */
  progressEvery?: number;
  signal?: AbortSignal;
}

export interface RecordingColumns {
  format: RecordingFormat;
  columns: StateColumns;
  lines: number;
  bytes: number;
  badLines: number;
  /** Events read (the columns' length, unless `keepColumns` was false). */
  events: number;
  /** Gap markers (JSON lines): time in which messages may be missing, shown as `unknown`. */
  gaps: number;
  /** Lines read that look wrong but are not refused (a last line without a line break). */
  warnings: Problem[];
  /** Bad lines (the first hundred listed), and a read error or cancellation if there was one. */
  problems: Problem[];
  /** False when reading stopped before the end of the file (error or cancel): never a silent half. */
  complete: boolean;
}

const EXTENSIONS: Record<string, RecordingFormat> = {
  csv: 'csv', jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', shdr: 'shdr', txt: 'shdr', log: 'shdr',
};

/** The format a file name's extension says (`.json` excluded: it may be any JSON document), or undefined. */
export function recordingFormatOfName(name: string): RecordingFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension && extension !== 'json' ? EXTENSIONS[extension] : undefined;
}

/** The format by extension, else by the first line: `{` is JSON lines, a `|` SHDR, otherwise CSV. */
export function recordingFormat(name: string, firstLine: string): RecordingFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  if (byName) return byName;
  const line = firstLine.replace(/^\uFEFF/, '').trimStart();
  if (line.startsWith('{')) return 'jsonl';
  return line.includes('|') ? 'shdr' : 'csv';
}

/** `logs/okuma.txt` → `okuma`; the whole name when it has no stem. */
export function fileStem(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'device';
}

interface LineSink {
  /** One line without its line break; `terminated` is false for a last line that has none. */
  line(text: string, lineNumber: number, terminated: boolean): void;
  finish(): void;
}

/** Where parsed events go: columns, or (validation of a huge file) only counted. */
interface EventSink {
  readonly length: number;
  push(timeMs: number, equipment: string, e: Omit<StateEvent, 'ts' | 'equipment'>): boolean;
  equipmentNames(): Iterable<string>;
  build(): StateColumns;
}

const MAX_EQUIPMENT = 65_535;

/** Counts events and distinct equipment (to the same limit as the columns), keeping nothing else. */
class EventCounter implements EventSink {
  length = 0;
  private readonly equipment = new Set<string>();

  push(_timeMs: number, equipment: string): boolean {
    if (!this.equipment.has(equipment)) {
      if (this.equipment.size >= MAX_EQUIPMENT) return false;
      this.equipment.add(equipment);
    }
    this.length++;
    return true;
  }

  equipmentNames(): Iterable<string> {
    return this.equipment;
  }

  build(): StateColumns {
    return columnsOf([]);
  }
}

export const DEFAULT_MAX_LINE_LENGTH = 1 << 20;

/**
 * Turns text chunks into lines (split on \n, a \r before it dropped, as the whole-file parsers
 * do) and parses each as it comes into compact columns. Memory grows with the events kept
 * (about 50 bytes each), not with the file; the pieces of an unfinished line are kept apart and
 * joined once, so a long line costs its length, not its length squared, and a line longer than
 * the limit is dropped as it streams by and counted as bad.
 */
export class RecordingLineReader {
  private parts: string[] = [];
  private partsLength = 0;
  /** Length of a line past the limit, while its rest streams by; -1 when none. */
  private overlong = -1;
  private lineNumber = 0;
  private sink: LineSink | undefined;
  private formatChosen: RecordingFormat | undefined;
  private gapCount = 0;
  readonly builder: EventSink;
  readonly bad: BadLines;
  private readonly extra: Problem[] = [];
  private readonly maxLine: number;

  constructor(private readonly options: RecordingReadOptions) {
    this.bad = new BadLines(options.name);
    this.builder = options.keepColumns === false ? new EventCounter() : new StateColumnsBuilder(4096);
    this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  get lines(): number {
    return this.lineNumber;
  }

  /** Characters of the line not finished yet (where a read that stops now stopped in it). */
  get column(): number {
    return (this.overlong >= 0 ? this.overlong : this.partsLength) + 1;
  }

  get format(): RecordingFormat | undefined {
    return this.formatChosen;
  }

  private tooManyEquipment(lineNumber: number, equipment: string): void {
    this.bad.add(lineNumber, [{ expected: `at most ${MAX_EQUIPMENT.toLocaleString('en')} distinct equipment ids in one recording`, found: JSON.stringify(equipment) }]);
  }

  private push(event: StateEvent, lineNumber: number): void {
    if (!this.builder.push(eventTimeMs(event.ts), event.equipment, event)) this.tooManyEquipment(lineNumber, event.equipment);
  }

  private makeSink(firstLine: string): LineSink {
    const format = recordingFormat(this.options.name, firstLine);
    this.formatChosen = format;
    const file = this.options.name;
    const cutOff = (n: number, terminated: boolean): void => {
      if (!terminated && n > 1) this.bad.warn(n, CUT_OFF_LINE);
    };
    if (format === 'csv') {
      let at = 0;
      const reader = new StateCsvReader(this.bad, (event) => this.push(event, at));
      return {
        line: (text, n, terminated) => {
          cutOff(n, terminated);
          at = n;
          reader.line(text, n);
        },
        finish: () => reader.finish(),
      };
    }
    if (format === 'jsonl') {
      return {
        line: (text, n) => {
          const read = parseRecordingJsonLine(text, n, this.bad, file);
          if (!read) return;
          if ('event' in read) {
            this.push(read.event, n);
            return;
          }
          this.gapCount++;
          const time = eventTimeMs(read.gap.ts);
          const reason = gapReason(read.gap);
          for (const equipment of [...this.builder.equipmentNames()]) this.builder.push(time, equipment, { state: 'unknown', reason });
        },
        finish: () => undefined,
      };
    }
    const devices = this.options.devicesXml ? readDevicesXml(this.options.devicesXml) : [];
    const device = devices.find((d) => d.name === this.options.device) ?? devices[0];
    if (this.options.device && device?.name !== this.options.device) {
      this.extra.push({ file, path: '', expected: `a device "${this.options.device}" in Devices.xml`, found: devices.map((d) => d.name).join(', ') || 'no devices' });
    }
    // Without a device model the file names the device (okuma.txt → okuma), so several logs stay apart.
    const equipment = this.options.equipment ?? device?.name ?? fileStem(file);
    let at = 0;
    const reader = new ShdrReader({ equipment, ...(device ? { dataItems: device.dataItems } : {}) }, (time, change) => {
      if (!this.builder.push(time, equipment, change)) this.tooManyEquipment(at, equipment);
    });
    return {
      line: (text, n, terminated) => {
        cutOff(n, terminated);
        at = n;
        const problems = reader.line(text);
        if (problems) this.bad.add(n, problems);
      },
      finish: () => reader.finish(),
    };
  }

  private line(text: string, terminated: boolean): void {
    this.lineNumber++;
    if (!this.sink) {
      if (text.trim() === '') return;
      this.sink = this.makeSink(text);
    }
    this.sink.line(text, this.lineNumber, terminated);
  }

  /** Ends the line being assembled with `last`, its final piece. */
  private complete(last: string, terminated: boolean): void {
    if (this.overlong < 0 && this.partsLength + last.length > this.maxLine) this.overlong = this.partsLength;
    if (this.overlong >= 0) {
      const length = this.overlong + last.length;
      this.parts = [];
      this.partsLength = 0;
      this.overlong = -1;
      this.lineNumber++;
      this.bad.add(this.lineNumber, [{
        expected: `a line of at most ${this.maxLine.toLocaleString('en')} characters`, found: `a line of ${length.toLocaleString('en')} characters`,
        hint: 'a line this long is not a recording line (a quote left open, or a file that is not a recording?)',
      }]);
      return;
    }
    let text = last;
    if (this.parts.length > 0) {
      this.parts.push(last);
      text = this.parts.join('');
      this.parts = [];
      this.partsLength = 0;
    }
    this.line(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, terminated);
  }

  private hold(piece: string): void {
    if (this.overlong >= 0) {
      this.overlong += piece.length;
      return;
    }
    this.parts.push(piece);
    this.partsLength += piece.length;
    if (this.partsLength > this.maxLine) {
      this.overlong = this.partsLength;
      this.parts = [];
      this.partsLength = 0;
    }
  }

  /** Feeds decoded text; lines are parsed as soon as they are complete. */
  text(chunk: string): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) break;
      this.complete(chunk.slice(start, end), true);
      start = end + 1;
    }
    if (start < chunk.length) this.hold(chunk.slice(start));
  }

  /** Ends the input: parses a last line without newline. */
  end(): void {
    if (this.partsLength > 0 || this.overlong >= 0) this.complete('', false);
    this.sink?.finish();
  }

  result(bytes: number, complete: boolean, stopped?: Problem): RecordingColumns {
    const { problems, badLines, warnings } = this.bad.finish([]);
    const empty = complete && this.builder.length === 0 && badLines === 0 ? [noEventsProblem(this.options.name, this.lineNumber)] : [];
    return {
      format: this.formatChosen ?? recordingFormat(this.options.name, ''),
      columns: this.builder.build(),
      lines: this.lineNumber,
      bytes,
      badLines,
      events: this.builder.length,
      gaps: this.gapCount,
      problems: [...this.extra, ...problems, ...empty, ...(stopped ? [stopped] : [])],
      warnings,
      complete,
    };
  }
}

type ByteSource = ReadableStream<Uint8Array> | Blob | AsyncIterable<Uint8Array>;

async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* chunksOf(source.stream() as ReadableStream<Uint8Array>);
    return;
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
    return;
  }
  yield* source as AsyncIterable<Uint8Array>;
}

/**
 * Reads a recording from a File, a ReadableStream or a Node stream, chunk by chunk, into state
 * columns. A read error or a cancellation ends with `complete: false` and a problem naming the
 * line reached, so a partial result is never taken for the whole file.
 */
export async function readRecording(source: ByteSource, options: RecordingReadOptions): Promise<RecordingColumns> {
  const reader = new RecordingLineReader(options);
  const decoder = new StrictTextDecoder(options.encoding ?? 'utf-8');
  const totalBytes = typeof Blob !== 'undefined' && source instanceof Blob ? source.size : undefined;
  const every = options.progressEvery ?? 1 << 20;
  let bytes = 0;
  let nextReport = every;
  const progress = (): void => options.onProgress?.({
    bytes, ...(totalBytes !== undefined ? { totalBytes } : {}), lines: reader.lines, events: reader.builder.length, badLines: reader.bad.count,
  });
  const feed = (chunk: Uint8Array, final: boolean): RecordingColumns | undefined => {
    const decoded = decoder.decode(chunk, final);
    reader.text(decoded.text);
    if (!decoded.invalid) return undefined;
    return reader.result(bytes, false, {
      file: options.name, path: `line ${reader.lines + 1} column ${reader.column}`, ...invalidTextProblem(decoded.invalid),
    });
  };
  try {
    for await (const chunk of chunksOf(source)) {
      if (options.signal?.aborted) {
        return reader.result(bytes, false, { file: options.name, path: `line ${reader.lines}`, expected: 'the whole file', found: 'reading cancelled here' });
      }
      bytes += chunk.byteLength;
      const refused = feed(chunk, false);
      if (refused) return refused;
      if (bytes >= nextReport) {
        nextReport = bytes + every;
        progress();
      }
    }
  } catch (error) {
    return reader.result(bytes, false, {
      file: options.name, path: `line ${reader.lines}`, expected: 'the whole file', found: `a read error after ${bytes} bytes: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const refused = feed(new Uint8Array(0), true);
  if (refused) return refused;
  reader.end();
  progress();
  return reader.result(bytes, true);
}
