import type { ExperimentResultFile } from '../experiment/runExperiment.ts';
import type { IntervalJson } from '../experiment/summary.ts';

/** "12.3 ± 0.4" from an interval as a result file holds it. */
function figure(i: IntervalJson | undefined, digits: number, scale = 1): string {
  if (!i || i.mean === null) return '–';
  const mean = (i.mean * scale).toFixed(digits);
  return i.halfWidth === null ? mean : `${mean} ± ${(i.halfWidth * scale).toFixed(digits)}`;
}

/** A paired difference, starred when its interval excludes 0. */
function delta(i: IntervalJson | undefined, digits: number, scale = 1): string {
  if (!i || i.mean === null) return '';
  const sign = i.mean * scale >= 0 ? '+' : '';
  const significant = i.lower !== null && i.upper !== null && (i.lower > 0 || i.upper < 0);
  return `${sign}${(i.mean * scale).toFixed(digits)}${i.halfWidth === null ? '' : ` ± ${(i.halfWidth * scale).toFixed(digits)}`}${significant ? ' *' : ''}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ').trimEnd());
}

/** What `plant-twin experiment` prints: one row per system with its KPIs and its difference to the first. */
export function experimentReport(result: ExperimentResultFile, file: string): string {
  const rows = [['system', 'reps', 'units/day', 'Δ', 'on time %', 'Δ', 'lead time h', 'Δ', 'WIP lots', 'bottleneck']];
  for (const s of result.systems) {
    const k = s.kpis;
    const d = s.differences ?? undefined;
    rows.push([
      `${s.id}  ${s.name}`.slice(0, 60), String(s.replications),
      figure(k.unitsPerDay, 0), delta(d?.unitsPerDay, 0),
      figure(k.onTimeRate, 1, 100), delta(d?.onTimeRate, 1, 100),
      figure(k.leadTimeMean, 1, 1 / 60), delta(d?.leadTimeMean, 1, 1 / 60),
      figure(k.wipLots, 1), s.bottleneck ? `${s.bottleneck.id} (${s.bottleneck.replications}/${s.replications})` : '–',
    ]);
  }
  const lines = [
    `Experiment ${result.experiment.id} — ${result.experiment.name} (${result.experiment.file})`,
    `${result.systems.length} systems, seed ${result.seed} for all (common random numbers); ± is the ${Math.round(result.level * 100)} % half-width; ` +
      `Δ is the paired difference to ${result.systems[0]!.id}, * where its interval excludes 0`,
    '',
    ...table(rows),
  ];
  const sel = result.selection;
  if (sel) {
    const chosen = result.systems.find((s) => s.id === sel.best);
    lines.push('', `Best (${sel.goal} ${sel.kpi}): ${chosen ? `${chosen.id}  ${chosen.name}` : 'none'}`, sel.statement);
    lines.push(`Replications per system: ${sel.systems.map((s) => `${s.id} ${s.replications}${s.reason ? ` (${s.reason})` : ''}`).join(', ')}`);
  }
  lines.push('', `Result: ${file}`);
  return lines.join('\n');
}
