import { useState } from 'react';
import { createPortal } from 'react-dom';
import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import { DebriefReport } from './DebriefReport.tsx';
import { downloadText as download } from '../downloadFile.ts';
import { LessonHistoryPanel } from './LessonHistoryPanel.tsx';
import { one } from './format.ts';


/** The end of a lesson: the score, each decision's points, the debrief and report, the answers file, the history. */
export function LessonReportPanel() {
  const report = useTraining((s) => s.report)!;
  const trainee = useTraining((s) => s.trainee);
  const [open, setOpen] = useState(false);
  const t = report.totals;
  const exportAnswers = () => {
    const answers = trainingStore.getState().answersFile();
    if (answers) download(`${report.lesson}-answers.json`, `${JSON.stringify(answers, null, 2)}\n`, 'application/json');
  };
  return (
    <div className="training" data-testid="lesson-report">
      <h2 className="sidebar-title">{report.title}</h2>
      <p className="lesson-score" data-testid="lesson-score" data-earned={String(t.earned)} data-possible={String(t.possible)} data-percent={String(t.percent)}>
        <strong>{one(t.percent)} %</strong> — {one(t.earned)} of {one(t.possible)} points, {t.passed ? 'passed' : 'not passed'}
      </p>
      <ol className="report-decisions">
        {report.decisions.map((d) => (
          <li key={d.decision}>{d.title}: {d.points ? `${one(d.points.earned)} / ${d.points.points}` : 'not scored'}</li>
        ))}
      </ol>
      {report.alarms.length > 0 && (
        <p>Alarms: {report.alarms.filter((a) => a.response !== null).length} of {report.alarms.length} answered, {one(report.alarms.reduce((s, a) => s + a.earned, 0))} points.</p>
      )}
      <div className="training-actions">
        <button type="button" className="primary" data-testid="open-debrief" onClick={() => setOpen(true)}>Debrief and report</button>
        <button type="button" data-testid="export-answers" onClick={exportAnswers}>Export answers</button>
        <button type="button" data-testid="back-to-lessons" onClick={() => trainingStore.getState().leave()}>Back to lessons</button>
      </div>
      <LessonHistoryPanel trainee={trainee} />
      {open && createPortal(<DebriefReport report={report} onClose={() => setOpen(false)} />, document.body)}
    </div>
  );
}
