import { useState, type FormEvent } from 'react';
import { publishSession, type PublishSettings } from '../../state/publish/publishSession.ts';
import { usePublish } from './usePublish.ts';

/**
 * Where to publish. The token and the MQTT password are sent to the publishing session only: they
 * stay in memory and this tab's sessionStorage, and the fields are emptied after saving.
 */
export function PublishSettingsForm() {
  const saved = usePublish((s) => s.settings);
  const hasToken = usePublish((s) => s.hasToken);
  const hasMqttPassword = usePublish((s) => s.hasMqttPassword);
  const status = usePublish((s) => s.status);
  const problem = usePublish((s) => s.problem);
  const [draft, setDraft] = useState<PublishSettings>(saved);
  const [token, setToken] = useState('');
  const [mqttPassword, setMqttPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof PublishSettings) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    for (const [name, url, schemes] of [['REST URL', draft.restUrl, ['http:', 'https:']], ['MQTT URL', draft.mqttUrl, ['ws:', 'wss:']]] as const) {
      if (url.trim() === '') continue;
      try {
        if (!(schemes as readonly string[]).includes(new URL(url.trim()).protocol)) throw new Error();
      } catch {
        setError(`${name}: expected a ${schemes.join(' or ')} URL`);
        return;
      }
    }
    setError(null);
    await publishSession.getState().configure(draft, { token: token || undefined, mqttPassword: mqttPassword || undefined });
    setToken('');
    setMqttPassword('');
  };
  const forget = () => void publishSession.getState().configure(saved, { token: '', mqttPassword: '' });

  return (
    <form className="publish-settings" onSubmit={save} aria-label="MES connection">
      <h3>MES connection</h3>
      <div className="publish-form">
        <label>REST URL <input name="restUrl" value={draft.restUrl} onChange={field('restUrl')} placeholder="https://mes.example/dispatch" /></label>
        <label>Body <select name="format" value={draft.format} onChange={field('format')}><option value="b2mml">B2MML (ProcessJobList)</option><option value="json">JSON</option></select></label>
        <label>Bearer token <input name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder={hasToken ? 'kept for this tab' : 'none'} /></label>
        <label>MQTT URL <input name="mqttUrl" value={draft.mqttUrl} onChange={field('mqttUrl')} placeholder="optional, ws://broker:9001" /></label>
        <label>MQTT user <input name="mqttUser" value={draft.mqttUser} onChange={field('mqttUser')} /></label>
        <label>MQTT password <input name="mqttPassword" type="password" autoComplete="off" value={mqttPassword} onChange={(e) => setMqttPassword(e.target.value)} placeholder={hasMqttPassword ? 'kept for this tab' : 'none'} /></label>
      </div>
      <div className="publish-actions">
        <button type="submit">Save and publish</button>
        {(hasToken || hasMqttPassword) && <button type="button" onClick={forget}>Forget token and password</button>}
        <span className="publish-status" data-status={status} role="status">{status}</span>
      </div>
      {error && <p className="publish-problem" role="alert">{error}</p>}
      {problem && <p className="publish-problem" role="alert">{problem}</p>}
      <p className="publish-note">The token and password stay in this tab only (memory and session storage), never in the outbox or the audit trail.</p>
    </form>
  );
}
