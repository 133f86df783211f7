import { useEffect } from 'react';
import { publishSession } from '../../state/publish/publishSession.ts';
import { ApproveFileForm } from './ApproveFileForm.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { PublishSettingsForm } from './PublishSettingsForm.tsx';
import { VersionsTable } from './VersionsTable.tsx';
import './publish.css';

/** Versions on their way to the MES, their states and answers, the connection, the audit trail. */
export function PublishWorkspace() {
  useEffect(() => { void publishSession.getState().refresh(); }, []);
  return (
    <div className="publish-workspace">
      <section className="publish-main" aria-label="Versions">
        <h2>Dispatch list versions</h2>
        <VersionsTable />
        <AuditTrail />
      </section>
      <aside className="publish-side">
        <PublishSettingsForm />
        <ApproveFileForm />
      </aside>
    </div>
  );
}
