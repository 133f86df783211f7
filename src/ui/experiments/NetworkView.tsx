import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Interval } from '../../sim/confidence.ts';
import type { ReplicationSummary } from '../../sim/plant/replicatePlant.ts';
import { networkStore } from '../../state/networkStore.ts';

const pm = (i: Interval | null | undefined, digits: number, scale = 1) =>
  !i || !Number.isFinite(i.mean) ? '–' : Number.isFinite(i.halfWidth) ? `${(i.mean * scale).toFixed(digits)} ± ${(i.halfWidth * scale).toFixed(digits)}` : (i.mean * scale).toFixed(digits);

/** Mean OEE over a site's lines that have one (the same OEE code as every other view). */
function siteOee(s: ReplicationSummary): string {
  const lines = s.lines.filter((l) => l.oee && Number.isFinite(l.oee.mean));
  if (lines.length === 0) return '–';
  return `${((lines.reduce((a, l) => a + l.oee!.mean, 0) / lines.length) * 100).toFixed(1)} %`;
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
      <p className="experiment-note">Each site's scenario with its own seed and replications; ± is the 95 % half-width. OEE is the mean over the site's lines, from the same KPI code as every other view.</p>
      <table className="experiment-table" data-testid="network-table">
        <thead><tr><th>Site</th><th>Time zone</th>{ROWS.map((r) => <th key={r.key}>{r.label}</th>)}<th>OEE</th><th>Bottleneck</th></tr></thead>
        <tbody>
          {sites.map((s) => {
            const p = plan.sites.find((x) => x.id === s.id)!;
            return (
              <tr key={s.id} data-site={s.id}>
                <td>{p.id}<div className="system-name">{p.name}</div></td>
                <td>{p.timeZone}</td>
                {ROWS.map((r) => <td key={r.key} data-testid={`site-${s.id}-${r.key}`}>{pm(s.summary.kpis.intervals[r.key], r.digits, r.scale)}</td>)}
                <td data-testid={`site-${s.id}-oee`}>{siteOee(s.summary)}</td>
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
