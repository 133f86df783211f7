import type { AuditEntry } from './auditEntry.ts';
import { csvText } from './csv.ts';

export const AUDIT_CSV_COLUMNS = [
  'seq', 'at', 'type', 'version', 'by', 'reason', 'supersedes', 'channel', 'attempt', 'workCentre',
  'httpStatus', 'outcome', 'text', 'retryAt', 'hash', 'prev',
] as const;

function text(e: AuditEntry): string | null {
  switch (e.type) {
    case 'attempt': return e.target;
    case 'attempt-failed': case 'failed': return e.error;
    case 'answer': return [e.text, ...e.workCentres.filter((w) => w.outcome !== e.outcome || w.text).map((w) => `${w.workCentre}: ${w.outcome}${w.text ? ` ${w.text}` : ''}`)].filter(Boolean).join('; ');
    case 'delivered': return e.topic;
    case 'superseded': return e.withdrawn ? 'withdrawn before delivery' : 'already concluded';
    case 'approved': return `documents b2mml ${e.documents.b2mml} json ${e.documents.json}; work centres ${e.workCentres.join(' ')}`;
    default: return null;
  }
}

/** The audit trail as CSV for spreadsheets and archives: one row per entry, hashes included. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => [
    e.seq, e.at, e.type, e.version,
    'by' in e ? e.by : null,
    e.type === 'approved' ? e.reason : null,
    e.type === 'approved' ? e.supersedes : null,
    'channel' in e ? e.channel : null,
    'attempt' in e ? e.attempt : null,
    'workCentre' in e ? e.workCentre ?? null : null,
    'httpStatus' in e ? e.httpStatus ?? null : null,
    'outcome' in e ? e.outcome : null,
    text(e),
    e.type === 'attempt-failed' ? e.retryAt : null,
    e.hash, e.prev,
  ]);
  return csvText([[...AUDIT_CSV_COLUMNS], ...rows]);
}
