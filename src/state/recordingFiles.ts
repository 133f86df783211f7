/** Extensions read as machine-state recordings (by the recording worker) rather than as plant files. */
const RECORDING = /\.(csv|jsonl|ndjson|txt|shdr|log)$/i;

export function isRecordingFile(name: string): boolean {
  return RECORDING.test(name);
}

/** Splits chosen or dropped files: recordings go to the replay, the rest open as a plant. */
export function splitRecordings<F extends { name: string }>(files: readonly F[]): { recordings: F[]; plantFiles: F[] } {
  return { recordings: files.filter((f) => isRecordingFile(f.name)), plantFiles: files.filter((f) => !isRecordingFile(f.name)) };
}

/** The file picker's accept list: plant files and recordings. */
export const OPEN_ACCEPT = '.json,application/json,.csv,.jsonl,.ndjson,.txt,.shdr,.log';
