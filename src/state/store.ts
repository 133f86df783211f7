import { createStore } from 'zustand/vanilla';
import type { Plant } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import { openPlant, type SampleFiles, type TextFile } from './openPlant.ts';

/**
 * Files that could not be opened, and why; the plant shown before stays shown. `data` holds each
 * file's JSON where it parses, so problems can name the machine or order they are about.
 */
export interface OpenFailure { files: string[]; problems: Problem[]; data?: Record<string, unknown> }

function parsedFiles(files: readonly TextFile[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of files) {
    try {
      data[f.name] = JSON.parse(f.text);
    } catch {
      // Not JSON (or broken): its problems keep their JSON path or line only.
    }
  }
  return data;
}

export interface TwinState {
  /** The plant on screen; only ever a completely loaded one. */
  plant: Plant | undefined;
  /** Suspicious but loadable findings about the plant on screen. */
  warnings: Problem[];
  failure: OpenFailure | undefined;
  /** Id of the selected equipment. */
  selected: string | undefined;
  opening: boolean;
  openFiles(files: readonly TextFile[]): Promise<void>;
  openSample(path: string): Promise<void>;
  select(equipmentId: string | undefined): void;
  dismissFailure(): void;
}

export type TwinStore = ReturnType<typeof createTwinStore>;

export function createTwinStore(samples: SampleFiles) {
  // Opening is asynchronous; only the most recent request may change what is shown.
  let latestRequest = 0;

  return createStore<TwinState>()((set) => {
    async function open(files: readonly TextFile[]): Promise<void> {
      const request = ++latestRequest;
      set({ opening: true });
      const result = await openPlant(files, samples);
      if (request !== latestRequest) return;
      if (result.ok) {
        set({ plant: result.value, warnings: result.warnings, failure: undefined, selected: undefined, opening: false });
      } else {
        set({ failure: { files: files.map((f) => f.name), problems: result.problems, data: parsedFiles(files) }, opening: false });
      }
    }

    return {
      plant: undefined,
      warnings: [],
      failure: undefined,
      selected: undefined,
      opening: false,
      openFiles: open,
      async openSample(path) {
        const text = samples.get(path);
        if (text === undefined) {
          set({ failure: { files: [path], problems: [{ file: path, path: '', expected: 'a bundled sample', found: 'no such sample' }] } });
          return;
        }
        await open([{ name: path, text }]);
      },
      select: (equipmentId) => set({ selected: equipmentId }),
      dismissFailure: () => set({ failure: undefined }),
    };
  });
}
