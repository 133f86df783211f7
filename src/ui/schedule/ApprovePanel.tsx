import { useEffect, useRef, useState, type FormEvent } from 'react';
import { planKpis, planOutputs } from '../../scheduling/plan.ts';
import { approvalStore, useApprovals } from '../../state/approvalStore.ts';
import type { ApprovedPlan } from '../../state/approvals.ts';
import { navigation } from '../../state/navigation.ts';
import { useScheduling } from '../../state/schedulingStore.ts';
import { describeViolation } from '../../scheduling/describe.ts';
import { checkPlan } from '../../scheduling/edit.ts';

/** Downloads text as a file, as a browser saves a link. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Approve: asks who approves and why, freezes the plan's dispatch list as a new version that
 * supersedes the scenario's last one, and hands it to publishing (the MES outbox). The plan must
 * pass the plant checker as it is.
 */
export function ApprovePanel({ onShowDispatch }: { onShowDispatch(): void }) {
  const plan = useScheduling((s) => s.plan);
  const facts = useScheduling((s) => s.facts);
  const scenarioId = facts?.scenario.id ?? '';
  const latest = useApprovals((s) => s.latestFor(scenarioId));
  const nextId = useApprovals((s) => s.nextVersionId(scenarioId));
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [versionId, setVersionId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ApprovedPlan | undefined>();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  if (!plan || !facts) return null;
  const outputs = () => planOutputs(plan, facts.objective, { lowerBound: facts.lowerBound, gap: facts.gap });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const violations = checkPlan(plan);
    if (violations.length > 0) {
      setError(`The plan does not pass the plant checker: ${describeViolation(plan, violations[0]!)}`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { schedule, dispatchList } = outputs();
      const approved = await approvalStore.getState().approve({ scenarioId, approvedBy: name, reason, versionId: versionId || nextId, kpis: planKpis(plan), schedule, dispatchList });
      setDone(approved);
      setOpen(false);
      setReason('');
      setVersionId('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="schedule-panel" aria-label="Dispatch and approve" data-testid="approve-panel">
      <h3>Dispatch and approve</h3>
      <p className="schedule-note">{latest ? `Last approved: ${latest.versionId} by ${latest.approvedBy}.` : 'Nothing approved yet for this scenario.'}</p>
      <div className="edit-toolbar">
        <button type="button" onClick={onShowDispatch} data-testid="show-dispatch">Dispatch lists</button>
        <button type="button" onClick={() => download(`${scenarioId}-dispatch.json`, `${JSON.stringify(outputs().dispatchList, null, 2)}\n`)} data-testid="download-dispatch">Download</button>
        <button type="button" className="primary" onClick={() => { setDone(undefined); setOpen(true); }} data-testid="approve-open">Approve…</button>
      </div>
      {done && (
        <p className="approved-note" role="status" data-testid="approved-note">
          Approved <strong>{done.versionId}</strong>{done.supersedes ? ` (supersedes ${done.supersedes})` : ''}; handed to publishing.{' '}
          <button type="button" className="link" onClick={() => navigation.getState().go('publish')}>See it in Publish</button>
        </p>
      )}
      <dialog ref={dialog} className="approve-dialog" aria-labelledby="approve-title" onClose={() => setOpen(false)} data-testid="approve-dialog">
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="approve-title">Approve the plan</h2>
          <p className="schedule-note">Freezes the dispatch list as version <strong>{versionId || nextId}</strong>{latest ? `, superseding ${latest.versionId}` : ''}, and hands it to publishing.</p>
          <label><span>Your name</span><input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" data-testid="approve-name" /></label>
          <label><span>Reason</span><textarea value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} data-testid="approve-reason" /></label>
          <label><span>Version id</span><input value={versionId} placeholder={nextId} onChange={(e) => setVersionId(e.target.value)} data-testid="approve-version" /></label>
          {error && <p className="field-error" role="alert" data-testid="approve-error">{error}</p>}
          <div className="edit-toolbar">
            <button type="button" onClick={() => setOpen(false)}>Cancel</button>
            <button type="submit" className="primary" disabled={busy} data-testid="approve-submit">Approve and hand over</button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
