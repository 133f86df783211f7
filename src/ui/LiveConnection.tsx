import { liveStatusText, stalenessOf } from '../state/liveConnection.ts';
import { liveConnection, useLive } from '../state/liveStore.ts';
import { usePlayback, useTwin } from '../state/twinStore.ts';
import './livePanels.css';

/** Broker settings, Connect / Disconnect, what the connection is doing and what it has heard. */
export function LiveConnection() {
  const hasPlant = useTwin((s) => s.plant !== undefined);
  const form = useLive((s) => s.form);
  const phase = useLive((s) => s.phase);
  const status = useLive((s) => liveStatusText(s));
  const lastError = useLive((s) => s.lastError);
  const messages = useLive((s) => s.messages);
  const bad = useLive((s) => s.bad);
  const counts = useLive((s) => s.counts);
  const shown = usePlayback((s) => s.source?.kind === 'live');
  const active = useLive((s) => s.source !== undefined);
  const live = liveConnection.getState();
  // The broker settings are fixed while connected; the stale threshold can be changed any time.
  const field = (key: keyof typeof form, label: string, type = 'text', lockedWhileActive = true) => (
    <label key={key}>
      <span>{label}</span>
      <input type={type} value={form[key]} disabled={active && lockedWhileActive} onChange={(e) => live.setForm({ [key]: e.target.value })} data-testid={`live-${key}`} autoComplete="off" />
    </label>
  );
  return (
    <section className="live-panel" aria-label="Live connection" data-testid="live-panel">
      <h3>Live states</h3>
      <div className="live-form">
        {field('url', 'Broker')}
        {field('clientId', 'Client id')}
        {field('username', 'User')}
        {field('password', 'Password', 'password')}
        {field('topic', 'Topics')}
        {field('periodS', 'Expected period (s)', 'number', false)}
        {field('staleFactor', 'Stale after (× period)', 'number', false)}
      </div>
      <div className="live-actions">
        {active
          ? <button type="button" onClick={() => live.disconnect()} data-testid="live-disconnect">Disconnect</button>
          : <button type="button" onClick={() => live.connect()} disabled={!hasPlant || !/^wss?:\/\//.test(form.url) || !stalenessOf(form)} data-testid="live-connect"
              title="ws:// or wss:// URL of the broker's WebSocket listener">Connect</button>}
        <span className="live-status" data-phase={phase} data-testid="live-status" aria-live="polite">{status}</span>
      </div>
      {active && !shown && <p className="live-note" data-testid="live-not-shown">Connected, but the scene shows another source; choose Live on the timeline.</p>}
      {(active || messages > 0) && (
        <>
          <p className="live-note" data-testid="live-counts">{messages.toLocaleString('en')} messages, {bad.toLocaleString('en')} bad payloads</p>
          <dl className="live-counters" data-testid="live-counters" aria-label="What became of the state messages">
            <dt title="Newer than the state shown: shown now">Applied</dt><dd data-testid="live-applied">{counts.applied.toLocaleString('en')}</dd>
            <dt title="Older than the state shown: kept for the KPIs, not shown (docs/STATES.md)">Late</dt><dd data-testid="live-late">{counts.late.toLocaleString('en')}</dd>
            <dt title="The same state again: a redelivery or the broker's retained copy">Duplicate</dt><dd data-testid="live-duplicates">{counts.duplicates.toLocaleString('en')}</dd>
            <dt title="Not a state message (bad JSON or fields)">Bad</dt><dd data-testid="live-bad">{bad.toLocaleString('en')}</dd>
            <dt title="Timestamp more than 5 minutes ahead of this computer's clock: refused">Future</dt><dd data-testid="live-future">{counts.future.toLocaleString('en')}</dd>
            <dt title="A publisher's clock was found to have gone back and is followed">Clock steps</dt><dd data-testid="live-clock-steps">{counts.clockSteps.toLocaleString('en')}</dd>
          </dl>
        </>
      )}
      {lastError && phase !== 'connected' && <p className="live-note">{lastError}</p>}
    </section>
  );
}
