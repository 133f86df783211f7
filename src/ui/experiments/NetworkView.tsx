import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { RecordedSite } from '../../experiment/recordedSite.ts';
import type { Interval } from '../../sim/confidence.ts';
import type { ReplicationSummary } from '../../sim/plant/replicatePlant.ts';
import { durationText } from '../../live/liveFreshness.ts';
import { MACHINE_STATES } from '../../model/machineState.ts';
import type { LiveSiteView } from '../../state/liveSites.ts';
import { liveSitesStore, networkStore } from '../../state/networkStore.ts';

const pm = (i: Interval | null | undefined, digits: number, scale = 1) =>
  !i || !Number.isFinite(i.mean) ? '–' : Number.isFinite(i.halfWidth) ? `${(i.mean * scale).toFixed(digits)} ± ${(i.halfWidth * scale).toFixed(digits)}` : (i.mean * scale).toFixed(digits);

/** Mean OEE over a site's lines that have one (the same OEE code as every other view). */
function siteOee(s: ReplicationSummary): string {
  const lines = s.lines.filter((l) => l.oee && Number.isFinite(l.oee.mean));
  if (lines.length === 0) return '–';
  return `${((lines.reduce((a, l) => a + l.oee!.mean, 0) / lines.length) * 100).toFixed(1)} %`;
}

const percent = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

/** A site's recording as the live/recorded twin sums it (stateKpis); OEE needs the site's ideal cycle. */
function recordedCell(r: RecordedSite | undefined): string {
  if (!r) return '–';
  return `OEE ${percent(r.kpis.oee)} · availability ${percent(r.kpis.availability)} · ${r.kpis.equipment.length} equipment, ${((r.kpis.t1 - r.kpis.t0) / 3_600_000).toFixed(1)} h`;
}

/** The largest shares of the time in state, e.g. "processing 62 %, down 25 %". */
function stateShares(time: Record<string, number>): string {
  const total = MACHINE_STATES.reduce((a, s) => a + time[s]!, 0);
  if (total <= 0) return '';
  return MACHINE_STATES.filter((s) => time[s]! > 0).sort((a, b) => time[b]! - time[a]!).slice(0, 3)
    .map((s) => `${s} ${Math.round((time[s]! / total) * 100)} %`).join(', ');
}

/**
 * A live site's figures since connect, by the same KPI code as Recorded. Stale data never looks
 * current: the cell says why (connection lost, equipment quiet) and since when, in the warning
 * colour, and the figures stop at the last message heard.
 */
function LiveCell({ id, view, now }: { id: string; view: LiveSiteView | undefined; now: number }) {
  const [password, setPassword] = useState('');
  if (!view) return <td data-testid={`site-${id}-live`}>–</td>;
  const f = view.figures;
  const where = `${view.url} ${view.topic}`;
  // Asked for when the file names a user name, and again while the broker refuses the one given.
  const ask = view.username !== undefined && (view.awaitingPassword || (f?.freshness === 'waiting' && f.phase !== 'connected' && f.lastError !== undefined));
  const passwordForm = ask && (
    <form onSubmit={(e) => { e.preventDefault(); liveSitesStore.getState().connect(id, password); setPassword(''); }}>
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-label={`Broker password of ${view.username} for site ${id}`} autoComplete="off" />
      <button type="submit">Connect</button>
    </form>
  );
  if (view.awaitingPassword) return <td data-testid={`site-${id}-live`} data-fresh="waiting" title={where}>{passwordForm}</td>;
  if (!f || f.freshness === 'waiting') {
    const what = !f ? 'connecting' : f.phase === 'connected' ? 'connected, waiting for data' : f.phase === 'waiting' ? 'cannot connect, retrying' : f.phase;
    return <td data-testid={`site-${id}-live`} data-fresh="waiting" title={where}><span data-testid={`site-${id}-live-status`}>{what}{f?.lastError ? ` (${f.lastError})` : ''}</span>{passwordForm}</td>;
  }
  const k = f.kpis!;
  const since = durationText(now - (f.lastHeardMs ?? now));
  const why = f.phase !== 'connected' ? `connection lost, last heard ${since} ago` : `stale: ${f.stale} of ${f.heard} equipment quiet, last heard ${since} ago`;
  return (
    <td data-testid={`site-${id}-live`} data-fresh={f.freshness} title={where}>
      <span data-testid={`site-${id}-live-figures`} className={f.freshness === 'stale' ? 'live-stale' : undefined}>
        OEE {percent(k.oee)} · availability {percent(k.availability)} · {stateShares(k.timeInState)}
      </span>
      <div className="system-name">{f.heard} of {f.equipment} equipment heard over {durationText(k.t1 - k.t0)}</div>
      <div data-testid={`site-${id}-live-status`} className={f.freshness === 'stale' ? 'stale-text' : 'system-name'}>{f.freshness === 'stale' ? why : 'current'}</div>
    </td>
  );
}

const ROWS = [
  { key: 'unitsPerDay', label: 'Units/day', digits: 0, scale: 1 },
  { key: 'onTimeRate', label: 'On time %', digits: 1, scale: 100 },
  { key: 'leadTimeMean', label: 'Lead time h', digits: 1, scale: 1 / 60 },
  { key: 'wipLots', label: 'WIP lots', digits: 1, scale: 1 },
] as const;

/** The network's sites side by side, and the what-if that moves a product family from one to another. */
export function NetworkView() {
  const state = useStore(networkStore);
  const live = useStore(liveSitesStore, (s) => s.sites);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [family, setFamily] = useState('');
  const { plan, sites, move } = state;
  const fromSite = plan?.sites.find((s) => s.id === (from || plan.sites[0]?.id));
  const families = useMemo(() => [...new Set(fromSite?.plant.scenario?.products.map((p) => p.family) ?? [])].sort(), [fromSite]);
  if (!plan) return null;
  const source = from || plan.sites[0]?.id || '';
  const target = to || plan.sites.find((s) => s.id !== source)?.id || '';
  const fam = family || families[0] || '';
  return (
    <div className="experiment-results" data-testid="network-view">
      <h3>{plan.network.name}</h3>
      <p className="experiment-note">Each site's scenario with its own seed and replications; ± is the 95 % half-width. OEE is the mean over the site's lines, from the same KPI code as every other view; Recorded is the site's recording and Live its MQTT states since connect (if the network names them), summed by the live/recorded twin's KPI code.</p>
      <table className="experiment-table" data-testid="network-table">
        <thead><tr><th>Site</th><th>Time zone</th>{ROWS.map((r) => <th key={r.key}>{r.label}</th>)}<th>OEE</th><th>Recorded</th><th>Live</th><th>Bottleneck</th></tr></thead>
        <tbody>
          {sites.map((s) => {
            const p = plan.sites.find((x) => x.id === s.id)!;
            return (
              <tr key={s.id} data-site={s.id}>
                <td>{p.id}<div className="system-name">{p.name}</div></td>
                <td>{p.timeZone}</td>
                {ROWS.map((r) => <td key={r.key} data-testid={`site-${s.id}-${r.key}`}>{pm(s.summary.kpis.intervals[r.key], r.digits, r.scale)}</td>)}
                <td data-testid={`site-${s.id}-oee`}>{siteOee(s.summary)}</td>
                <td data-testid={`site-${s.id}-recorded`} title={p.recorded ? p.recorded.file : 'no recording for this site'}>{recordedCell(p.recorded)}</td>
                <LiveCell id={s.id} view={live[s.id]} now={Date.now()} />
                <td>{s.summary.bottlenecks[0]?.id ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.network.lanes.length > 0 && (
        <p className="experiment-note">Lanes: {plan.network.lanes.map((l) => `${l.from} → ${l.to} (${l.mode})`).join(', ')}</p>
      )}
      {plan.sites.length > 1 && (
        <div className="live-actions" data-testid="network-move">
          <span>Move family</span>
          <select value={fam} onChange={(e) => setFamily(e.target.value)} aria-label="Family to move">{families.map((f) => <option key={f}>{f}</option>)}</select>
          <span>from</span>
          <select value={source} onChange={(e) => { setFrom(e.target.value); setFamily(''); }} aria-label="From site">{plan.sites.map((s) => <option key={s.id}>{s.id}</option>)}</select>
          <span>to</span>
          <select value={target} onChange={(e) => setTo(e.target.value)} aria-label="To site">{plan.sites.map((s) => <option key={s.id}>{s.id}</option>)}</select>
          <button type="button" disabled={move.status === 'running'} onClick={() => void state.moveAndCompare(source, target, { family: fam })} data-testid="network-move-run">Move and compare</button>
        </div>
      )}
      {move.status === 'running' && <p><progress /> simulating both sites after the move…</p>}
      {(move.status === 'refused' || move.status === 'failed') && <p className="field-error" data-testid="network-move-refused">{move.reason}</p>}
      {move.status === 'done' && move.outcome && (
        <table className="experiment-table" data-testid="network-move-result">
          <caption>{move.outcome.label} ({move.outcome.moved} orders); Δ is after − before, paired on common random numbers</caption>
          <thead><tr><th>Site</th>{ROWS.map((r) => <th key={r.key}>{r.label} after</th>)}<th>OEE after</th></tr></thead>
          <tbody>
            {move.outcome.sites.map((s) => (
              <tr key={s.id}>
                <td>{s.id}</td>
                {ROWS.map((r) => (
                  <td key={r.key}>{pm(s.after.kpis.intervals[r.key], r.digits, r.scale)}
                    <div className="delta">Δ {pm(s.delta[r.key], r.digits, r.scale)}</div></td>
                ))}
                <td>{siteOee(s.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
