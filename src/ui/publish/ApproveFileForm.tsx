import { useState, type FormEvent } from 'react';
import { loadDispatchListText } from '../../model/loadDispatchList.ts';
import { formatProblem } from '../../model/problem.ts';
import type { DispatchList } from '../../model/scheduleSchema.ts';
import { approveDispatchList, ApprovalRefused } from '../../state/publish/approve.ts';
import { useTwin } from '../../state/twinStore.ts';

/**
 * Approves a dispatch list file (one written by `plant-twin schedule --dispatch`, say) with the
 * same call as the Schedule workspace's Approve: name, reason, version id, what it supersedes.
 */
export function ApproveFileForm() {
  const layout = useTwin((s) => s.plant?.layout);
  const [list, setList] = useState<{ list: DispatchList; file: string } | null>(null);
  const [form, setForm] = useState({ versionId: '', supersedes: '', approvedBy: '', reason: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const open = async (file: File | undefined) => {
    setDone(null);
    if (!file) return;
    const loaded = loadDispatchListText(await file.text(), file.name);
    if (!loaded.ok) {
      setList(null);
      setProblems(loaded.problems.map(formatProblem));
      return;
    }
    setProblems([]);
    setList({ list: loaded.value, file: file.name });
    setForm((f) => ({ ...f, versionId: loaded.value.id, supersedes: loaded.value.supersedes ?? '' }));
  };

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    if (!list) return;
    // Work centres place themselves in the plant on screen only when it has them all.
    const known = layout && list.list.equipment.every((e) => layout.site.areas.some((a) => a.lines.some((l) => l.cells.some((c) => c.equipment.some((q) => q.id === e.equipment)))));
    try {
      const v = await approveDispatchList({
        list: list.list, versionId: form.versionId.trim() || undefined, supersedes: form.supersedes.trim() || null,
        approvedBy: form.approvedBy, reason: form.reason, layout: known ? layout : undefined,
      });
      setProblems([]);
      setDone(`Approved ${v.id}: queued for the MES.`);
      setList(null);
    } catch (error) {
      setProblems(error instanceof ApprovalRefused ? error.problems : [String((error as Error).message ?? error)]);
    }
  };
  const field = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <form className="publish-approve" onSubmit={approve} aria-label="Approve a dispatch list file">
      <h3>Approve a dispatch list file</h3>
      <label>Dispatch list <input type="file" accept=".json,application/json" onChange={(e) => void open(e.target.files?.[0])} /></label>
      {list && (
        <div className="publish-form">
          <label>Version id <input name="versionId" value={form.versionId} onChange={field('versionId')} /></label>
          <label>Supersedes <input name="supersedes" value={form.supersedes} onChange={field('supersedes')} placeholder="none" /></label>
          <label>Approved by <input name="approvedBy" value={form.approvedBy} onChange={field('approvedBy')} required /></label>
          <label>Reason <input name="reason" value={form.reason} onChange={field('reason')} required /></label>
          <span />
          <button type="submit">Approve {list.list.equipment.length} work centres</button>
        </div>
      )}
      {problems.length > 0 && <ul className="publish-problem" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {done && <p role="status">{done}</p>}
    </form>
  );
}
