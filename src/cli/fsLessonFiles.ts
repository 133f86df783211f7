import { readRecording } from '../live/recordingStream.ts';
import type { LessonFiles } from '../training/lessonSource.ts';
import { fsReferenceReader, openByteStream, referencedFile } from './fsResolver.ts';

/**
 * A lesson's referenced files from disk, relative to the lesson file (recordings streamed, never
 * read whole). Lessons name datasets outside their folder (../shared), so they are not fenced
 * like a scenario's layout; only regular files are read (no FIFO, no device).
 */
export const fsLessonFiles: LessonFiles = {
  text: fsReferenceReader({ anywhere: true }),
  async recording(ref, fromFile, options) {
    const { file } = await referencedFile(ref, fromFile, 'anywhere');
    const opened = await openByteStream(file);
    if ('problem' in opened) {
      if (opened.problem.found === 'no such file') return undefined;
      throw new Error(opened.problem.found);
    }
    return readRecording(opened.stream, { ...options, name: file });
  },
};
