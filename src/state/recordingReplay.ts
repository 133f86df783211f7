import { proxy, wrap, type Remote } from 'comlink';
import { createStore } from 'zustand/vanilla';
import type { RecordingProgress } from '../live/recordingStream.ts';
import type { Problem } from '../model/problem.ts';
import { createRecordingSource, type RecordingSource } from '../playback/recordingSource.ts';
import type { RecordingWorkerApi } from '../workers/recording.worker.ts';
import type { PlaybackStore } from '../playback/clock.ts';
import type { TwinStore } from './store.ts';

export type ReplayStatus = 'idle' | 'reading' | 'ready' | 'failed';

export interface ReplayState {
  status: ReplayStatus;
  name: string | undefined;
  progress: RecordingProgress | undefined;
  events: number;
  badLines: number;
  /** The first bad lines, or why the file could not be read. */
  problems: Problem[];
  source: RecordingSource | undefined;
  /** Reads a recording in the worker, then plays it on the timeline over the plant on screen. */
  open(file: Blob & { name: string }): Promise<void>;
  cancel(): void;
}

export type ReplayStore = ReturnType<typeof createReplay>;

/** The recording replay session: reading off the UI thread with progress, then a timeline source. */
export function createReplay(twin: TwinStore, playback: PlaybackStore, hideOthers: () => void) {
  let api: Remote<RecordingWorkerApi> | undefined;
  const worker = () => (api ??= wrap<RecordingWorkerApi>(new Worker(new URL('../workers/recording.worker.ts', import.meta.url), { type: 'module', name: 'plant-recording' })));
  let request = 0;

  const store = createStore<ReplayState>()((set) => ({
    status: 'idle', name: undefined, progress: undefined, events: 0, badLines: 0, problems: [], source: undefined,
    async open(file) {
      const id = ++request;
      set({ status: 'reading', name: file.name, progress: undefined, events: 0, badLines: 0, problems: [] });
      try {
        const result = await worker().read(file, { name: file.name }, proxy((p: RecordingProgress) => { if (id === request) set({ progress: p }); }));
        if (id !== request) return;
        const plant = twin.getState().plant;
        if (!plant) {
          set({ status: 'failed', problems: [{ file: file.name, path: '', expected: 'a plant open to replay the recording on', found: 'no plant', hint: 'open the layout first' }] });
          return;
        }
        const source = createRecordingSource(result.columns, plant.layout, `Recording ${file.name}`);
        set({ status: result.complete ? 'ready' : 'failed', events: result.columns.length, badLines: result.badLines, problems: result.problems, source });
        if (result.columns.length === 0) return;
        hideOthers();
        playback.getState().setSource(source);
      } catch (error) {
        if (id === request) set({ status: 'failed', problems: [{ file: file.name, path: '', expected: 'a readable recording', found: error instanceof Error ? error.message : String(error) }] });
      }
    },
    cancel() {
      request++;
      void api?.cancel();
      set({ status: 'idle' });
    },
  }));

  // Another plant: the recording's equipment may not be in it, so the replay stops showing.
  twin.subscribe((state, previous) => {
    if (state.plant?.layoutFile === previous.plant?.layoutFile) return;
    const { source } = store.getState();
    if (source && playback.getState().source === source) playback.getState().setSource(undefined);
    store.setState({ source: undefined, status: 'idle' });
  });

  return store;
}
