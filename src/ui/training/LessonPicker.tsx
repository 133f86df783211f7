import { useMemo, useState, type ChangeEvent } from 'react';
import { bundledLessons, lessonTitle } from '../../state/bundledLessons.ts';
import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import { ProblemList } from '../ProblemList.tsx';
import { LessonHistoryPanel } from './LessonHistoryPanel.tsx';

interface Listed { file: string; title: string; recording: string[] }

/** Files a lesson on a recording needs from the user (they live outside the app, e.g. ../shared/datasets). */
function recordingFiles(text: string): string[] {
  try {
    const source = (JSON.parse(text) as { source?: { kind?: string; recording?: string; devices?: string } }).source;
    if (source?.kind !== 'recording') return [];
    return [source.recording, source.devices].filter((x): x is string => typeof x === 'string').map((p) => p.slice(p.lastIndexOf('/') + 1));
  } catch {
    return [];
  }
}

const start = (file: string, text: string, files?: File[]) => { void trainingStore.getState().open(file, text, files); };

/** The lessons to choose from (bundled, or a file), the trainee's name and their history. */
export function LessonPicker({ onAuthor }: { onAuthor: () => void }) {
  const trainee = useTraining((s) => s.trainee);
  const status = useTraining((s) => s.status);
  const problems = useTraining((s) => s.problems);
  const failedFile = useTraining((s) => s.lessonFile);
  const [own, setOwn] = useState<{ file: string; text: string } | undefined>();
  const lessons = useMemo<Listed[]>(() => [...bundledLessons].map(([file, text]) => ({ file, title: lessonTitle(text), recording: recordingFiles(text) })), []);

  const openOwn = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const lessonFile = files.find((f) => f.name.endsWith('.json'));
    if (!lessonFile) return;
    const text = await lessonFile.text();
    setOwn({ file: lessonFile.name, text });
    start(lessonFile.name, text, files.filter((f) => f !== lessonFile));
  };

  return (
    <div className="training" data-testid="lesson-picker">
      <h2 className="sidebar-title">Lessons</h2>
      <label className="training-field">
        <span>Trainee</span>
        <input data-testid="trainee-name" value={trainee} placeholder="your name" onChange={(e) => trainingStore.getState().setTrainee(e.target.value)} />
      </label>
      <ul className="lesson-list">
        {lessons.map((l) => (
          <li key={l.file} data-lesson={l.file}>
            <div className="lesson-title">{l.title}</div>
            {l.recording.length === 0 ? (
              <button type="button" className="primary" disabled={status === 'opening'} onClick={() => start(l.file, bundledLessons.get(l.file)!)}>Start</button>
            ) : (
              <label className="file-button">
                Start: open {l.recording.join(' and ')}
                <input type="file" multiple data-testid={`lesson-files-${l.file}`} onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (files.length) start(l.file, bundledLessons.get(l.file)!, files);
                }} />
              </label>
            )}
          </li>
        ))}
      </ul>
      <div className="training-actions">
        <label className="file-button">
          Open a lesson file…
          <input type="file" accept=".json,.txt,.xml,.csv,.jsonl,.shdr,.log" multiple data-testid="lesson-file" onChange={(e) => { void openOwn(e); }} />
        </label>
        <button type="button" onClick={onAuthor} data-testid="author-lesson">Author a lesson…</button>
      </div>
      {status === 'opening' && <p className="busy" role="status">Opening the lesson…</p>}
      {status === 'failed' && (
        <section aria-label="Why the lesson did not open" className="training-problems">
          <p>{failedFile ?? own?.file} could not be played:</p>
          <ProblemList problems={problems} />
        </section>
      )}
      <LessonHistoryPanel trainee={trainee} />
    </div>
  );
}
