import type { Problem } from '../model/problem.ts';
import { BadLines } from '../model/recording.ts';
import { StateCsvReader } from '../model/stateCsv.ts';
import type { StateEvent } from '../model/stateEventSchema.ts';
import { parseStateJsonLine } from '../model/stateJsonLines.ts';
import { readDevicesXml } from './mtconnectDevices.ts';
import { ShdrReader } from './shdr.ts';
import { eventTimeMs, StateColumnsBuilder, type StateColumns } from './stateColumns.ts';

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
  /** Bad lines (the first hundred listed), and a read error or cancellation if there was one. */
  problems: Problem[];
  /** False when reading stopped before the end of the file (error or cancel): never a silent half. */
  complete: boolean;
}

const EXTENSIONS: Record<string, RecordingFormat> = {
  csv: 'csv', jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', shdr: 'shdr', txt: 'shdr', log: 'shdr',
};

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
  line(text: string, lineNumber: number): void;
  finish(): void;
}

/**
 * Turns text chunks into lines (split on \n, a \r before it dropped, as the whole-file parsers
 * do) and parses each as it comes into compact columns. Memory grows with the events kept
 * (about 50 bytes each), not with the file.
 */
export class RecordingLineReader {
  private carry = '';
  private lineNumber = 0;
  private sink: LineSink | undefined;
  private formatChosen: RecordingFormat | undefined;
  readonly builder = new StateColumnsBuilder(4096);
  readonly bad: BadLines;
  private readonly extra: Problem[] = [];

  constructor(private readonly options: RecordingReadOptions) {
    this.bad = new BadLines(options.name);
  }

  get lines(): number {
    return this.lineNumber;
  }

  get format(): RecordingFormat | undefined {
    return this.formatChosen;
  }

  private tooManyEquipment(lineNumber: number, equipment: string): void {
    this.bad.add(lineNumber, [{ expected: 'at most 65,535 distinct equipment ids in one recording', found: JSON.stringify(equipment) }]);
  }

  private push(event: StateEvent, lineNumber: number): void {
    if (!this.builder.push(eventTimeMs(event.ts), event.equipment, event)) this.tooManyEquipment(lineNumber, event.equipment);
  }

  private makeSink(firstLine: string): LineSink {
    const format = recordingFormat(this.options.name, firstLine);
    this.formatChosen = format;
    const file = this.options.name;
    if (format === 'csv') {
      let at = 0;
      const reader = new StateCsvReader(this.bad, (event) => this.push(event, at));
      return { line: (text, n) => { at = n; reader.line(text, n); }, finish: () => reader.finish() };
    }
    if (format === 'jsonl') {
      return {
        line: (text, n) => {
          const event = parseStateJsonLine(text, n, this.bad, file);
          if (event) this.push(event, n);
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
      line: (text, n) => {
        at = n;
        const problems = reader.line(text);
        if (problems) this.bad.add(n, problems);
      },
      finish: () => reader.finish(),
    };
  }

  private line(text: string): void {
    this.lineNumber++;
    if (!this.sink) {
      if (text.trim() === '') return;
      this.sink = this.makeSink(text);
    }
    this.sink.line(text, this.lineNumber);
  }

  /** Feeds decoded text; lines are parsed as soon as they are complete. */
  text(chunk: string): void {
    let start = 0;
    let text = chunk;
    if (this.carry) {
      text = this.carry + chunk;
      this.carry = '';
    }
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      this.line(text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
    }
    this.carry = text.slice(start);
  }

  /** Ends the input: parses a last line without newline. */
  end(): void {
    if (this.carry !== '') this.line(this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry);
    this.carry = '';
    this.sink?.finish();
  }

  result(bytes: number, complete: boolean, stopped?: Problem): RecordingColumns {
    const { problems, badLines } = this.bad.finish([]);
    return {
      format: this.formatChosen ?? recordingFormat(this.options.name, ''),
      columns: this.builder.build(),
      lines: this.lineNumber,
      bytes,
      badLines,
      problems: [...this.extra, ...problems, ...(stopped ? [stopped] : [])],
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
  const decoder = new TextDecoder('utf-8');
  const totalBytes = typeof Blob !== 'undefined' && source instanceof Blob ? source.size : undefined;
  const every = options.progressEvery ?? 1 << 20;
  let bytes = 0;
  let nextReport = every;
  const progress = (): void => options.onProgress?.({
    bytes, ...(totalBytes !== undefined ? { totalBytes } : {}), lines: reader.lines, events: reader.builder.length, badLines: reader.bad.count,
  });
  try {
    for await (const chunk of chunksOf(source)) {
      if (options.signal?.aborted) {
        return reader.result(bytes, false, { file: options.name, path: `line ${reader.lines}`, expected: 'the whole file', found: 'reading cancelled here' });
      }
      bytes += chunk.byteLength;
      reader.text(decoder.decode(chunk, { stream: true }));
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
  reader.text(decoder.decode());
  reader.end();
  progress();
  return reader.result(bytes, true);
}
