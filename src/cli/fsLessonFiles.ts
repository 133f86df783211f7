import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readRecording } from '../live/recordingStream.ts';
import type { LessonFiles } from '../training/lessonSource.ts';
import { fsLayoutResolver } from './fsResolver.ts';

/** A lesson's referenced files from disk, relative to the lesson file (recordings streamed, never read whole). */
export const fsLessonFiles: LessonFiles = {
  text: fsLayoutResolver,
  async recording(ref, fromFile, options) {
    const file = path.isAbsolute(ref) ? ref : path.join(path.dirname(fromFile), ref);
    try {
      if (!(await stat(file)).isFile()) return undefined;
    } catch {
      return undefined;
    }
    return readRecording(createReadStream(file), { ...options, name: file });
  },
};
