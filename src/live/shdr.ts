import type { MachineState } from '../model/machineState.ts';
import type { LineProblem } from '../model/recording.ts';
import { isoToMs } from './stateColumns.ts';
import { guessDataItem, type DataItemInfo } from './mtconnectDevices.ts';
import { fromMTConnect, MTC_EXECUTION, type MtcObservation } from './stateMapping.ts';

/** What a SHDR line changes in the twin's view of the machine. */
export interface ShdrChange {
  state?: MachineState;
  reason?: string;
  good?: number;
  scrap?: number;
}

export interface ShdrOptions {
  /** The twin's equipment id for this adapter's device. */
  equipment: string;
  /** Data items by SHDR key (from Devices.xml); without it keys are guessed by common names. */
  dataItems?: ReadonlyMap<string, DataItemInfo>;
  /** A clock jump backwards by more than this starts a new recording segment (default 5 s). */
  segmentGapMs?: number;
}

export interface ShdrStats {
  observations: number;
  segments: number;
  assets: number;
  /** Keys that are not data items of the device; an agent ignores them, and so do we. */
  unknownKeys: Set<string>;
}

const CONDITION_FIELDS = 5;

/**
 * The MTConnect controlled vocabularies of the data items that decide the state. A value outside
 * them (`ACTI` for ACTIVE, a line cut short) would otherwise map quietly to `unknown`; it makes
 * the line bad instead. UNAVAILABLE is every item's "no value".
 */
const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  AVAILABILITY: ['AVAILABLE', 'UNAVAILABLE'],
  EXECUTION: [...MTC_EXECUTION, 'UNAVAILABLE'],
  CONTROLLER_MODE: ['AUTOMATIC', 'MANUAL', 'MANUAL_DATA_INPUT', 'SEMI_AUTOMATIC', 'EDIT', 'FEED_HOLD', 'UNAVAILABLE'],
  EMERGENCY_STOP: ['ARMED', 'TRIGGERED', 'UNAVAILABLE'],
  FUNCTIONAL_MODE: ['PRODUCTION', 'SETUP', 'TEARDOWN', 'MAINTENANCE', 'PROCESS_DEVELOPMENT', 'UNAVAILABLE'],
};
const CONDITION_LEVELS = ['NORMAL', 'WARNING', 'FAULT', 'UNAVAILABLE'];

/** Why a value of a data item that decides the state cannot be one, or undefined when it can. */
function valueProblem(item: DataItemInfo, key: string, value: string): LineProblem | undefined {
  if (item.type === 'PART_COUNT') {
    return value === 'UNAVAILABLE' || /^\d{1,15}$/.test(value) ? undefined : { path: key, expected: 'a part count: a whole number ≥ 0, or UNAVAILABLE', found: JSON.stringify(value.slice(0, 40)) };
  }
  const words = VOCABULARY[item.type];
  if (!words || words.includes(value)) return undefined;
  return { path: key, expected: `a ${item.type} value: one of ${words.join(', ')}`, found: JSON.stringify(value.slice(0, 40)) };
}
const MULTILINE = '--multiline--';
export const END_OF_RECORDING = 'end of recording';

/**
 * Reads MTConnect SHDR adapter output line by line (`time|key|value|key|value…`, conditions as
 * `time|key|level|nativeCode|nativeSeverity|qualifier|message`, assets with `--multiline--` bodies)
 * and reports state changes through `emit`, mapped with the MTConnect precedence rules of
 * docs/STATES.md.
 *
 * Recordings are often concatenated, so a backward clock jump beyond `segmentGapMs` closes the
 * segment with an `unknown` event at its last time and forgets the observed values; merged by
 * time, the segments then show what is known of the machine and where the gaps are. Within a
 * segment the adapter's line order is the order of observation, so emitted times never go back
 * (adapters' timestamps jitter by a fraction of a second).
 */
export class ShdrReader {
  readonly stats: ShdrStats = { observations: 0, segments: 0, assets: 0, unknownKeys: new Set() };
  private observation: { -readonly [K in keyof MtcObservation]: MtcObservation[K] } = {};
  private faults = new Map<string, string>();
  private multilineEnd: string | undefined;
  private lastTime = Number.NaN;
  private segmentEnd = Number.NaN;
  private pendingGood: number | undefined;
  private pendingScrap: number | undefined;
  private emitted: { state?: MachineState; reason?: string; good?: number; scrap?: number } = {};
  private readonly gap: number;

  constructor(private readonly options: ShdrOptions, private readonly emit: (timeMs: number, change: ShdrChange) => void) {
    this.gap = options.segmentGapMs ?? 5_000;
  }

  private itemOf(key: string): DataItemInfo | undefined {
    const item = this.options.dataItems ? this.options.dataItems.get(key) : guessDataItem(key);
    if (!item && this.options.dataItems) this.stats.unknownKeys.add(key);
    return item;
  }

  /** Reads one line; returns the problems of a bad line (which changes nothing), else undefined. */
  line(text: string): LineProblem[] | undefined {
    if (this.multilineEnd !== undefined) {
      if (text.trim() === this.multilineEnd) this.multilineEnd = undefined;
      return undefined;
    }
    if (text.trim() === '' || text.startsWith('*')) return undefined;
    const fields = text.split('|');
    const timeText = fields[0]!.trim();
    let time = this.lastTime;
    if (timeText !== '') {
      time = isoToMs(timeText);
      if (Number.isNaN(time)) {
        return [{ expected: 'a SHDR line: an ISO 8601 UTC timestamp, then |key|value pairs', found: JSON.stringify(text.slice(0, 60)) }];
      }
    } else if (Number.isNaN(time)) {
      return [{ expected: 'a timestamp on the first line', found: 'an empty timestamp' }];
    }
    const command = fields[1]?.trim() ?? '';
    if (command.startsWith('@') && command.endsWith('@')) {
      // Asset documents carry the asset's own (older) time: they take no part in time ordering.
      if (command === '@ASSET@') this.stats.assets++;
      const last = fields[fields.length - 1]!;
      if (last.startsWith(MULTILINE)) this.multilineEnd = last.trim();
      return undefined;
    }
    const updates = this.observe(fields);
    if (!Array.isArray(updates)) return updates.problems;
    this.advance(time);
    for (const update of updates) update();
    this.stats.observations += updates.length;
    this.report();
    return undefined;
  }

  /** The line's key/value pairs as updates to apply; a malformed line is rejected whole. */
  private observe(fields: string[]): (() => void)[] | { problems: LineProblem[] } {
    const updates: (() => void)[] = [];
    let i = 1;
    while (i < fields.length) {
      const key = fields[i]!.trim();
      const item = this.itemOf(key);
      if (item?.category === 'CONDITION') {
        if (i + CONDITION_FIELDS >= fields.length) {
          return { problems: [{ path: key, expected: 'a condition: key|level|nativeCode|nativeSeverity|qualifier|message', found: `${fields.length - i - 1} fields after the key` }] };
        }
        const [level = '', code = '', , , message = ''] = fields.slice(i + 1, i + 1 + CONDITION_FIELDS).map((f) => f.trim());
        if (!CONDITION_LEVELS.includes(level)) {
          return { problems: [{ path: key, expected: `a condition level: one of ${CONDITION_LEVELS.join(', ')}`, found: JSON.stringify(level.slice(0, 40)) }] };
        }
        updates.push(() => this.condition(key, level, code, message));
        i += CONDITION_FIELDS + 1;
        continue;
      }
      if (i + 1 >= fields.length) return { problems: [{ path: key, expected: 'a value after the key', found: 'the end of the line' }] };
      const value = fields[i + 1]!.trim();
      const problem = item && valueProblem(item, key, value);
      if (problem) return { problems: [problem] };
      if (item) updates.push(() => this.event(item, value));
      i += 2;
    }
    return updates;
  }

  private condition(key: string, level: string, code: string, message: string): void {
    if (level === 'FAULT') {
      this.faults.set(`${key}|${code}`, message || (code ? `${key} ${code}` : key));
      return;
    }
    // NORMAL without a native code clears every alarm of the item; with one, that alarm only.
    for (const k of [...this.faults.keys()]) {
      if (code ? k === `${key}|${code}` : k.startsWith(`${key}|`)) this.faults.delete(k);
    }
  }

  private event(item: DataItemInfo, value: string): void {
    const o = this.observation;
    switch (item.type) {
      case 'AVAILABILITY': o.availability = value; break;
      case 'EXECUTION': o.execution = value; break;
      case 'CONTROLLER_MODE': o.controllerMode = value; break;
      case 'EMERGENCY_STOP': o.emergencyStop = value; break;
      case 'FUNCTIONAL_MODE': o.functionalMode = value; break;
      case 'PART_COUNT': {
        if (value === 'UNAVAILABLE') return;
        const count = Number(value);
        if (item.subType === 'BAD' || item.subType === 'REJECT') this.pendingScrap = count;
        else if (item.subType === undefined || item.subType === 'ALL' || item.subType === 'GOOD') this.pendingGood = count;
        break;
      }
      default:
    }
  }

  /** Tracks segments; a backward jump beyond the gap closes the current one. */
  private advance(time: number): void {
    if (Number.isNaN(this.segmentEnd)) {
      this.stats.segments = 1;
    } else if (time < this.lastTime - this.gap) {
      this.emit(this.segmentEnd, { state: 'unknown', reason: END_OF_RECORDING });
      this.stats.segments++;
      this.observation = {};
      this.faults = new Map();
      // A new recording states everything afresh, even what equals the end of the last one.
      this.emitted = {};
      this.segmentEnd = time;
    }
    this.lastTime = time;
    this.segmentEnd = Number.isNaN(this.segmentEnd) ? time : Math.max(this.segmentEnd, time);
  }

  private report(): void {
    const mapped = fromMTConnect({ ...this.observation, faults: this.faults });
    const change: ShdrChange = {};
    if (mapped.state !== this.emitted.state || mapped.reason !== this.emitted.reason) {
      change.state = mapped.state;
      if (mapped.reason !== undefined) change.reason = mapped.reason;
      this.emitted.state = mapped.state;
      this.emitted.reason = mapped.reason;
    }
    if (this.pendingGood !== undefined && this.pendingGood !== this.emitted.good) change.good = this.emitted.good = this.pendingGood;
    if (this.pendingScrap !== undefined && this.pendingScrap !== this.emitted.scrap) change.scrap = this.emitted.scrap = this.pendingScrap;
    this.pendingGood = this.pendingScrap = undefined;
    if (Object.keys(change).length > 0) this.emit(this.segmentEnd, change);
  }

  /** Ends the recording: the state after the last line is not known. */
  finish(): void {
    if (!Number.isNaN(this.segmentEnd) && this.emitted.state !== 'unknown') {
      this.emit(this.segmentEnd, { state: 'unknown', reason: END_OF_RECORDING });
      this.emitted = { state: 'unknown' };
    }
  }
}
