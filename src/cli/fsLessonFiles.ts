import { readRecording } from '../live/recordingStream.ts';
import type { LessonFiles } from '../training/lessonSource.ts';
import { fsReferenceReader, openByteStream, referencedFile } from './fsResolver.ts';

/** A lesson's referenced files from disk, relative to the lesson file (recordings streamed, never read whole). */
export const fsLessonFiles: LessonFiles = {
  text: fsReferenceReader(),
  async recording(ref, fromFile, options) {
    // The same fence as a scenario's layout: inside the lesson's folder tree, a regular file.
    const { file, exists } = await referencedFile(ref, fromFile);
    if (!exists) return undefined;
    const opened = await openByteStream(file);
    if ('problem' in opened) return undefined;
    return readRecording(opened.stream, { ...options, name: file });
  },
};
