import { Fragment, useState } from 'react';
import type { DispatchList } from '../../model/scheduleSchema.ts';
import { dispatchCsv } from '../../mes/dispatchCsv.ts';
import { dispatchSheet } from '../../mes/dispatchSheet.ts';
import type { VersionStatus } from '../../mes/outboxState.ts';
import { publishSession } from '../../state/publish/publishSession.ts';
import { downloadText } from '../downloadFile.ts';
import { usePublish } from './usePublish.ts';

async function download(id: string, kind: 'b2mml' | 'json' | 'csv' | 'sheet'): Promise<void> {
  const v = await publishSession.getState().outbox.loadVersion(id);
  const list = JSON.parse(v.documents.json) as DispatchList;
  if (kind === 'b2mml') downloadText(`${id}.b2mml.xml`, v.documents.b2mml, 'application/xml');
  else if (kind === 'json') downloadText(`${id}.dispatch.json`, v.documents.json);
  else if (kind === 'csv') downloadText(`${id}.csv`, dispatchCsv(list), 'text/csv');
  else downloadText(`${id}.sheet.html`, dispatchSheet(list, { approvedAt: v.approvedAt, reason: v.reason }), 'text/html');
}

function answer(v: VersionStatus): string {
  if (v.rest.answer) return `${v.rest.answer.outcome}${v.rest.answer.text ? `: ${v.rest.answer.text}` : ''}`;
  if (v.rest.failed) return v.rest.failed;
  return '';
}

function time(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** Every version in approval order: state, attempts, the MES's answer; per work centre on demand. */
export function VersionsTable() {
  const versions = usePublish((s) => s.versions);
  const [open, setOpen] = useState<string | null>(null);
  const failed = versions.some((v) => v.state === 'failed');
  if (versions.length === 0) return <p className="publish-note">No approved dispatch list yet. Approve one in Schedule, or from a file below.</p>;
  return (
    <div className="publish-versions">
      {failed && <button type="button" onClick={() => void publishSession.getState().retryFailed('the Publish workspace')}>Send failed versions again</button>}
      <table aria-label="Versions">
        <thead><tr><th>version</th><th>approved</th><th>reason</th><th>supersedes</th><th>state</th><th>attempts</th><th>MES answer</th><th>last error</th><th>documents</th></tr></thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <Fragment key={v.id}>
              <tr data-version={v.id}>
                <td><button type="button" className="link" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>{v.id}</button></td>
                <td>{v.approvedBy}<br /><small>{time(v.approvedAt)}</small></td>
                <td>{v.reason}</td>
                <td>{v.supersedes ?? '—'}{v.supersededBy && <><br /><small>superseded by {v.supersededBy}</small></>}</td>
                <td><span className="publish-state" data-state={v.state}>{v.state}</span></td>
                <td className="n">{v.rest.attempts}</td>
                <td>{answer(v)}</td>
                <td>{v.state === 'acknowledged' ? '' : [v.rest.lastError, v.mqtt.lastError].filter(Boolean).join('; ')}</td>
                <td className="publish-downloads">
                  {(['b2mml', 'json', 'csv', 'sheet'] as const).map((k) => <button key={k} type="button" onClick={() => void download(v.id, k)}>{k === 'b2mml' ? 'B2MML' : k === 'sheet' ? 'sheet' : k.toUpperCase()}</button>)}
                </td>
              </tr>
              {open === v.id && (
                <tr className="publish-centres"><td colSpan={9}>
                  <table aria-label={`Work centres of ${v.id}`}>
                    <thead><tr><th>work centre</th><th>state</th><th>MES</th><th>MQTT</th></tr></thead>
                    <tbody>{v.workCentres.map((w) => (
                      <tr key={w.workCentre}><td>{w.workCentre}</td><td><span className="publish-state" data-state={w.state}>{w.state}</span></td><td>{w.outcome ? `${w.outcome}${w.text ? `: ${w.text}` : ''}` : ''}</td><td>{w.mqttDelivered ? 'published' : ''}</td></tr>
                    ))}</tbody>
                  </table>
                </td></tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
