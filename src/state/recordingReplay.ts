import { proxy, wrap, type Remote } from 'comlink';
import { createStore } from 'zustand/vanilla';
import { mappedColumns, matchRecording, type RecordingMatch } from '../live/recordingMapping.ts';
import type { RecordingColumns, RecordingProgress, RecordingReadOptions } from '../live/recordingStream.ts';
import type { StateColumns } from '../live/stateColumns.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import type { Problem } from '../model/problem.ts';
import { createRecordingSource, type RecordingSource } from '../playback/recordingSource.ts';
import type { RecordingWorkerApi } from '../workers/recording.worker.ts';
import type { PlaybackStore } from '../playback/clock.ts';
import type { TwinStore } from './store.ts';

export type ReplayStatus = 'idle' | 'reading' | 'ready' | 'failed';

/** Device → equipment mappings remembered per recording file (name and size), across sessions. */
export interface MappingMemory {
  get(key: string): Record<string, string> | undefined;
  set(key: string, mapping: Record<string, string>): void;
}

export interface ReplayState {
  status: ReplayStatus;
  name: string | undefined;
  progress: RecordingProgress | undefined;
  events: number;
  badLines: number;
  /** The first bad lines, or why the file could not be read. */
  problems: Problem[];
  /** How the recording's devices meet the layout: matched, not in the layout, equipment without data. */
  match: RecordingMatch | undefined;
  /** The device → equipment entries in force (remembered for this file). */
  mapping: Record<string, string>;
  source: RecordingSource | undefined;
  /** Reads a recording in the worker, then plays it on the timeline over the plant on screen. */
  open(file: Blob & { name: string }): Promise<void>;
  /**
   * Maps recorded devices to layout equipment (replacing the mapping in force) and replays the
   * recording under it. Returns the problems and changes nothing when the mapping cannot be used.
   */
  applyMapping(mapping: Record<string, string>): Problem[];
  cancel(): void;
}

export type ReplayStore = ReturnType<typeof createReplay>;

export type ReadRecording = (file: Blob & { name: string }, options: RecordingReadOptions, onProgress: (p: RecordingProgress) => void) => Promise<RecordingColumns>;

export interface ReplayDeps {
  read?: ReadRecording;
  cancelRead?: () => void;
  memory?: MappingMemory;
}

/** The key a file's mapping is remembered under: the same file opened again finds it. */
export const mappingKey = (file: { name: string; size: number }): string => `${file.name}\u0000${file.size}`;

/** Mappings in the browser's localStorage (a few entries of text); none where there is no storage. */
export function localMappingMemory(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): MappingMemory {
  const prefix = 'plant-twin:recording-mapping:';
  return {
    get(key) {
      try {
        const text = storage?.getItem(prefix + key);
        const value: unknown = text ? JSON.parse(text) : undefined;
        return value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, mapping) {
      try {
        storage?.setItem(prefix + key, JSON.stringify(mapping));
      } catch {
        // Storage full or refused: the mapping still holds for this session.
      }
    },
  };
}

function workerReader(): { read: ReadRecording; cancel: () => void } {
  let api: Remote<RecordingWorkerApi> | undefined;
  const worker = () => (api ??= wrap<RecordingWorkerApi>(new Worker(new URL('../workers/recording.worker.ts', import.meta.url), { type: 'module', name: 'plant-recording' })));
  return {
    read: (file, options, onProgress) => worker().read(file, options, proxy(onProgress)),
    cancel: () => { void api?.cancel(); },
  };
}

/**
 * The recording replay session: reading off the UI thread with progress, then its devices matched
 * to the layout (by id, or by a mapping remembered per file), then a timeline source.
 */
export function createReplay(twin: TwinStore, playback: PlaybackStore, hideOthers: () => void, deps: ReplayDeps = {}) {
  const reader = deps.read ? { read: deps.read, cancel: deps.cancelRead ?? (() => {}) } : workerReader();
  const memory = deps.memory ?? localMappingMemory(undefined);
  let request = 0;
  let columns: StateColumns | undefined;
  let key = '';

  const store = createStore<ReplayState>()((set, get) => {
    /** Matches the recording to the plant on screen under `mapping`; shows it unless the mapping has problems. */
    const place = (mapping: Record<string, string>): Problem[] => {
      const plant = twin.getState().plant;
      if (!columns || !plant) return [];
      const match = matchRecording(columns.equipmentIds, allEquipment(plant.layout).map((e) => e.id), mapping, 'mapping');
      if (match.problems.length > 0) return match.problems;
      const previous = get().source;
      const source = createRecordingSource(mappedColumns(columns, match), plant.layout, `Recording ${get().name ?? ''}`);
      set({ match, mapping, source });
      if (columns.length === 0) return [];
      if (!previous || playback.getState().source === previous || playback.getState().source === undefined) {
        hideOthers();
        playback.getState().setSource(source);
      }
      return [];
    };
    return {
      status: 'idle', name: undefined, progress: undefined, events: 0, badLines: 0, problems: [], match: undefined, mapping: {}, source: undefined,
      async open(file) {
        const id = ++request;
        columns = undefined;
        set({ status: 'reading', name: file.name, progress: undefined, events: 0, badLines: 0, problems: [], match: undefined, mapping: {} });
        try {
          const result = await reader.read(file, { name: file.name }, (p) => { if (id === request) set({ progress: p }); });
          if (id !== request) return;
          if (!twin.getState().plant) {
            set({ status: 'failed', problems: [{ file: file.name, path: '', expected: 'a plant open to replay the recording on', found: 'no plant', hint: 'open the layout first' }] });
            return;
          }
          columns = result.columns;
          key = mappingKey({ name: file.name, size: file.size });
          set({ status: result.complete ? 'ready' : 'failed', events: result.columns.length, badLines: result.badLines, problems: result.problems, source: undefined });
          // A remembered mapping that no longer fits this plant is dropped rather than refusing the file.
          const remembered = memory.get(key) ?? {};
          if (place(remembered).length > 0) place({});
        } catch (error) {
          if (id === request) set({ status: 'failed', problems: [{ file: file.name, path: '', expected: 'a readable recording', found: error instanceof Error ? error.message : String(error) }] });
        }
      },
      applyMapping(mapping) {
        const problems = place(mapping);
        if (problems.length === 0 && columns) memory.set(key, mapping);
        return problems;
      },
      cancel() {
        request++;
        reader.cancel();
        set({ status: 'idle' });
      },
    };
  });

  // Another plant: the recording's devices are matched to it again (the same mapping, where it fits).
  twin.subscribe((state, previous) => {
    if (state.plant?.layoutFile === previous.plant?.layoutFile) return;
    const { source, mapping } = store.getState();
    if (source && playback.getState().source === source) playback.getState().setSource(undefined);
    store.setState({ source: undefined, match: undefined });
    if (columns && state.plant && store.getState().status === 'ready') {
      if (store.getState().applyMapping(mapping).length > 0) store.getState().applyMapping({});
    }
  });

  return store;
}
