import { useMemo } from 'react';
import { verifyChain } from '../../mes/auditChain.ts';
import { auditCsv } from '../../mes/auditCsv.ts';
import type { AuditEntry } from '../../mes/auditEntry.ts';
import { downloadText } from '../downloadFile.ts';
import { usePublish } from './usePublish.ts';

const SHOWN = 200;

function detail(e: AuditEntry): string {
  switch (e.type) {
    case 'approved': return `by ${e.by}: ${e.reason}${e.supersedes ? ` (supersedes ${e.supersedes})` : ''}`;
    case 'superseded': return `by ${e.by}${e.withdrawn ? ', withdrawn before delivery' : ''}`;
    case 'attempt': return `${e.channel} #${e.attempt} → ${e.target}${e.workCentre ? ` (${e.workCentre})` : ''}`;
    case 'attempt-failed': return `${e.channel} #${e.attempt}: ${e.error}${e.retryAt ? `, again at ${e.retryAt.slice(11, 19)}` : ''}`;
    case 'delivered': return `MQTT ${e.topic}`;
    case 'answer': return `${e.outcome}${e.text ? `: ${e.text}` : ''}`;
    case 'failed': return e.error;
    case 'retry-requested': return `by ${e.by}`;
  }
}

/** The hash-chained trail, newest first, checked in the page as `plant-twin audit verify` checks it. */
export function AuditTrail() {
  const entries = usePublish((s) => s.entries);
  const report = useMemo(() => verifyChain(entries.map((e) => JSON.stringify(e))), [entries]);
  const shown = entries.slice(-SHOWN).reverse();
  return (
    <section className="publish-audit" aria-label="Audit trail">
      <h3>Audit trail</h3>
      <p role="status" className={report.problems.length ? 'publish-problem' : 'publish-note'}>
        {report.problems.length === 0
          ? `${report.entries} entries, chain intact${report.head ? `, head ${report.head.slice(0, 16)}…` : ''}`
          : `chain NOT intact: ${report.problems.map((p) => p.message).join('; ')}`}
        {' '}<button type="button" disabled={entries.length === 0} onClick={() => downloadText('audit.csv', auditCsv(entries), 'text/csv')}>Export CSV</button>
      </p>
      <table aria-label="Audit entries">
        <thead><tr><th>#</th><th>time</th><th>event</th><th>version</th><th>detail</th></tr></thead>
        <tbody>{shown.map((e) => <tr key={e.seq}><td className="n">{e.seq}</td><td>{e.at.slice(0, 19).replace('T', ' ')}</td><td>{e.type}</td><td>{e.version}</td><td>{detail(e)}</td></tr>)}</tbody>
      </table>
      {entries.length > SHOWN && <p className="publish-note">Showing the newest {SHOWN} of {entries.length}; the CSV has all.</p>}
    </section>
  );
}
