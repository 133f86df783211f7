import type { TextFile } from './openPlant.ts';

/** Chosen files named by their path within a chosen folder (`webkitRelativePath`), else by name. */
export function readChosenFiles(files: FileList | readonly File[]): Promise<TextFile[]> {
  return Promise.all(Array.from(files, async (file) => ({ name: file.webkitRelativePath || file.name, text: await file.text() })));
}

function entryFiles(entry: FileSystemEntry): Promise<{ path: string; file: File }[]> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    return new Promise((resolve, reject) => (entry as FileSystemFileEntry).file((file) => resolve([{ path, file }]), reject));
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns a folder's entries in batches (100 in Chromium) until an empty one.
  const batches = async (): Promise<FileSystemEntry[]> => {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    return batch.length === 0 ? [] : [...batch, ...(await batches())];
  };
  return batches().then(async (entries) => (await Promise.all(entries.map(entryFiles))).flat());
}

/**
 * Files dropped on the page, folders walked, each named by its path within what was dropped; a
 * browser without entries (or a synthetic drop) gives the flat file list.
 */
export async function readDroppedFiles(data: DataTransfer): Promise<TextFile[]> {
  const entries = Array.from(data.items, (item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null)).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return readChosenFiles(data.files);
  const found = (await Promise.all(entries.map(entryFiles))).flat();
  return Promise.all(found.map(async ({ path, file }) => ({ name: path, text: await file.text() })));
}
