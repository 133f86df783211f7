import { useEffect, useRef } from 'react';
import { KPI_LABELS, type LessonKpis } from '../../training/lessonKpis.ts';
import type { LessonReport } from '../../training/sessionTypes.ts';
import { DebriefCharts } from './DebriefCharts.tsx';
import { one } from './format.ts';

const KPIS: (keyof LessonKpis)[] = ['on-time-orders', 'late-orders', 'weighted-tardiness-hours', 'setup-hours', 'wip-lots', 'good-units', 'refused-orders'];

/** The debrief: a printable report of the lesson, the trainee's run against the best run over time, and what each decision did. */
export function DebriefReport({ report, onClose }: { report: LessonReport; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => { close.current?.focus(); }, []);
  const t = report.totals;
  return (
    <div className="debrief-overlay" role="dialog" aria-modal="true" aria-label={`Debrief: ${report.title}`} data-testid="debrief"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <article className="debrief-page">
        <header className="debrief-head">
          <div>
            <h1>{report.title}</h1>
            <p>Trainee {report.trainee} · lesson <code>{report.lesson}</code> · {new Date().toLocaleString('en-GB')}</p>
          </div>
          <div className="debrief-buttons no-print">
            <button type="button" onClick={() => window.print()} data-testid="print-report">Print</button>
            <button type="button" ref={close} onClick={onClose}>Close</button>
          </div>
        </header>
        <p className="debrief-score"><strong>{one(t.percent)} %</strong> — {one(t.earned)} of {one(t.possible)} points — {t.passed ? 'passed' : 'not passed'}</p>
        {report.debrief && (
          <section>
            <h2>Your run and the best run</h2>
            <table className="outcomes">
              <thead><tr><th scope="col">Run</th>{KPIS.map((k) => <th key={k} scope="col">{KPI_LABELS[k]}</th>)}</tr></thead>
              <tbody>
                <tr className="mine"><th scope="row">yours</th>{KPIS.map((k) => <td key={k}>{one(report.debrief!.trainee.kpis[k])}</td>)}</tr>
                <tr className="best"><th scope="row">best</th>{KPIS.map((k) => <td key={k}>{one(report.debrief!.best.kpis[k])}</td>)}</tr>
              </tbody>
            </table>
            <p className="debrief-note">Best run: {report.debrief.best.choices.map((c) => `${c.decision} → ${c.option}`).join(', ')}. Figures are the means of the lesson's runs with the same random numbers; the charts show the first run.</p>
            <DebriefCharts mine={report.debrief.trainee.series} best={report.debrief.best.series} />
          </section>
        )}
        <section>
          <h2>Decisions</h2>
          {report.decisions.map((d) => (
            <div key={d.decision} className="debrief-decision">
              <h3>{d.title} — {d.points ? `${one(d.points.earned)} of ${d.points.points} points` : 'not scored'}</h3>
              <p>Your answer: {d.answer}{d.tool ? ` · the tool's answer: ${d.tool.answer}` : ''}</p>
              {d.lines.map((l, i) => <p key={i}>{l}</p>)}
            </div>
          ))}
        </section>
        {report.alarms.length > 0 && (
          <section>
            <h2>Alarms</h2>
            <table className="outcomes">
              <thead><tr><th scope="col">Alarm</th><th scope="col">Priority</th><th scope="col">Answered after</th><th scope="col">Points</th></tr></thead>
              <tbody>
                {report.alarms.map((a) => (
                  <tr key={a.alarm}><th scope="row">{a.alarm}</th><td>{a.priority}</td><td>{a.response === null ? 'never' : `${one(a.response)} min`}</td><td>{one(a.earned)} / {a.points}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </article>
    </div>
  );
}
