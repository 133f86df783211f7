import { useEffect, useState } from 'react';
import { historyCsv, type LessonAttempt } from '../../state/lessonHistory.ts';
import { lessonHistory, useTraining } from '../../state/trainingStore.ts';
import { downloadText as download } from '../downloadFile.ts';
import { one } from './format.ts';


/** A trainee's finished lessons, kept in this browser (IndexedDB), with a CSV export. */
export function LessonHistoryPanel({ trainee }: { trainee: string }) {
  const [attempts, setAttempts] = useState<LessonAttempt[]>([]);
  const report = useTraining((s) => s.report);
  const name = trainee.trim();
  useEffect(() => {
    let live = true;
    void lessonHistory.list(name === '' ? undefined : name).then((list) => { if (live) setAttempts(list); });
    return () => { live = false; };
  }, [name, report]);
  return (
    <section className="lesson-history" aria-label="History" data-testid="lesson-history">
      <h3 className="sidebar-title">History{name ? ` of ${name}` : ''}</h3>
      {attempts.length === 0 ? <p className="empty">No lessons finished yet.</p> : (
        <>
          <table className="history-table">
            <thead><tr><th scope="col">Lesson</th><th scope="col">When</th><th scope="col">Score</th></tr></thead>
            <tbody>
              {attempts.slice().reverse().map((a, i) => (
                <tr key={`${a.finishedAt}-${i}`} data-lesson={a.lesson}>
                  <td title={a.title}>{a.lesson}{name ? '' : ` (${a.trainee})`}</td>
                  <td>{a.finishedAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{one(a.percent)} %{a.passed ? '' : ' ✗'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" data-testid="export-history" onClick={() => download(`training-history${name ? `-${name}` : ''}.csv`, historyCsv(attempts), 'text/csv')}>Export CSV</button>
        </>
      )}
    </section>
  );
}
