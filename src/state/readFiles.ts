import type { TextFile } from './openPlant.ts';

export function readFiles(files: FileList | readonly File[]): Promise<TextFile[]> {
  return Promise.all(Array.from(files, async (file) => ({ name: file.name, text: await file.text() })));
}
