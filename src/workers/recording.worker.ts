import { expose, transfer } from 'comlink';
import { readRecording, type RecordingColumns, type RecordingProgress, type RecordingReadOptions } from '../live/recordingStream.ts';
import { columnBuffers } from '../live/stateColumns.ts';

let current: AbortController | undefined;

/** Reads a recording off the UI thread; the columns' buffers are transferred, not copied. */
const api = {
  async read(file: Blob, options: Omit<RecordingReadOptions, 'onProgress' | 'signal'>, onProgress?: (p: RecordingProgress) => void): Promise<RecordingColumns> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const result = await readRecording(file, { ...options, signal: controller.signal, ...(onProgress ? { onProgress } : {}) });
    return transfer(result, columnBuffers(result.columns));
  },
  cancel(): void {
    current?.abort();
  },
};

export type RecordingWorkerApi = typeof api;

expose(api);
