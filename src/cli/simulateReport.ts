import type { Interval } from '../sim/confidence.ts';
import type { ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';

export interface ReportContext {
  file: string;
  name: string;
  horizon: number;
  warmup: number;
  dispatching: string;
  runtimeMs: number;
}

/** "12.3 ± 0.4": a mean with its confidence half-width (no half-width with one replication). */
export function withHalfWidth(interval: Interval | null, digits: number, scale = 1): string {
  if (!interval || !Number.isFinite(interval.mean)) return '–';
  const mean = (interval.mean * scale).toFixed(digits);
  return Number.isFinite(interval.halfWidth) ? `${mean} ± ${(interval.halfWidth * scale).toFixed(digits)}` : mean;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ').trimEnd());
}

/** The KPI report `plant-twin simulate` prints: plant figures, then one row per equipment. */
export function simulateReport(summary: ReplicationSummary, ctx: ReportContext): string {
  const k = summary.kpis.intervals;
  const level = `${Math.round(summary.level * 100)} %`;
  const perRep = summary.replications > 0 ? ctx.runtimeMs / summary.replications : 0;
  const top = summary.bottlenecks[0];
  const lines = [
    `Simulated ${summary.scenario} — ${ctx.name} (${ctx.file})`,
    `${summary.replications} replication${summary.replications === 1 ? '' : 's'}, seed ${summary.seed}, horizon ${ctx.horizon} min (${(ctx.horizon / 1440).toFixed(1)} days), ` +
      `warm-up ${ctx.warmup} min, dispatching ${ctx.dispatching}; ± is the ${level} confidence half-width across replications`,
    `run time ${(ctx.runtimeMs / 1000).toFixed(2)} s (${perRep.toFixed(0)} ms per replication)`,
    '',
    ...table([
      ['Throughput', `${withHalfWidth(k.lotsPerDay, 1)} lots/day`, `${withHalfWidth(k.unitsPerDay, 0)} units/day`, `${withHalfWidth(k.ordersPerDay, 1)} orders/day`],
      ['Lead time (min)', `mean ${withHalfWidth(k.leadTimeMean, 0)}`, `p50 ${withHalfWidth(k.leadTimeP50, 0)}`, `p90 ${withHalfWidth(k.leadTimeP90, 0)}`],
      ['Delivery', `on time ${withHalfWidth(k.onTimeRate, 1, 100)} %`, `tardiness ${withHalfWidth(k.totalTardiness, 0)} min`, `mean ${withHalfWidth(k.meanTardiness, 0)} min/order`],
      ['WIP (time average)', `${withHalfWidth(k.wipLots, 1)} lots`, `${withHalfWidth(k.wipUnits, 0)} units`, ''],
      ['Energy', `${withHalfWidth(k.energyKWh, 0)} kWh`, '', ''],
    ]),
    `Bottleneck: ${top
      ? `${top.id} (top in ${top.replications} of ${summary.replications} replications, ${(top.meanShare * 100).toFixed(1)} % of the time; active period method)`
      : 'none (nothing was active)'}`,
    ...irregularities(summary.runs),
    '',
    ...table([
      ['equipment', 'utilisation %', 'availability %', 'performance %', 'quality %', 'OEE %', 'bottleneck %', 'energy kWh'],
      ...summary.equipment.map((e) => [
        e.id, withHalfWidth(e.utilisation, 1, 100), withHalfWidth(e.availability, 1, 100), withHalfWidth(e.performance, 1, 100),
        withHalfWidth(e.quality, 1, 100), withHalfWidth(e.oee, 1, 100), withHalfWidth(e.bottleneckShare, 1, 100), withHalfWidth(e.energyKWh, 0),
      ]),
    ]),
    '',
    ...table([
      ['line', 'OEE %'],
      ...summary.lines.filter((l) => l.oee).map((l) => [l.id, withHalfWidth(l.oee, 1, 100)]),
    ]),
  ];
  return lines.join('\n');
}

const mean = (runs: readonly PlantResult[], of: (r: PlantResult) => number): number => runs.reduce((s, r) => s + of(r), 0) / runs.length;
const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Lines on what did not go as intended: disturbances switched off, schedule deviations, overruns, stalls. */
export function irregularities(runs: readonly PlantResult[]): string[] {
  const first = runs[0];
  if (!first) return [];
  const lines: string[] = [];
  const off = Object.entries(first.disturbances).filter(([, on]) => !on).map(([name]) => name);
  if (off.length > 0) lines.push(`Disturbances switched off: ${off.join(', ')}`);
  const follow = first.follow;
  if (follow) {
    const d = (key: keyof NonNullable<PlantResult['follow']>['deviations']): string => fmt(mean(runs, (r) => r.follow!.deviations[key]));
    const lateMean = mean(runs, (r) => r.follow!.deviations.lateMinutes) / Math.max(1e-9, mean(runs, (r) => r.follow!.deviations.late));
    lines.push(
      `Schedule ${follow.schedule}: ${follow.entries} entries; per replication ${fmt(mean(runs, (r) => r.follow!.started))} started, ` +
        `${fmt(mean(runs, (r) => r.follow!.matched))} exactly as planned (start, end and changeover)`,
      `  deviations per replication: ${d('late')} late (mean ${Number.isFinite(lateMean) ? lateMean.toFixed(0) : 0} min), ${d('outOfSequence')} out of sequence, ` +
        `${d('early')} early (room wanted), ${d('setupChanged')} changeovers changed, ${d('partialBatches')} partial batches, ${d('unlisted')} unlisted jobs, ` +
        `${d('skipped')} skipped, ${d('notStarted')} not started, ${d('overfilled')} lots let into a full buffer (deadlock broken); ` +
        `${follow.deviations.ignored} entries ignored (not in this plant)`,
    );
  }
  const overruns = mean(runs, (r) => r.overruns);
  if (overruns > 0) lines.push(`Uninterruptible runs over their window (no window ahead was long enough): ${fmt(overruns)} per replication`);
  const stalled = runs.filter((r) => r.stall);
  if (stalled.length > 0) {
    const s = stalled[0]!.stall!;
    lines.push(`STALLED in ${stalled.length} of ${runs.length} replications: e.g. replication ${stalled[0]!.replication} made no progress from minute ${fmt(s.since)} ` +
      `(day ${(s.since / 1440).toFixed(1)}) to the end with ${s.lots} lots in the plant, held at ${s.equipment.join(', ')} (docs/SIMULATION.md, "Stalls")`);
  }
  const waited = runs.filter((r) => r.shiftWait);
  if (waited.length > 0) {
    const w = waited[0]!.shiftWait!;
    lines.push(`Waiting for an operator's shift at the end in ${waited.length} of ${runs.length} replications (not a stall): e.g. replication ${waited[0]!.replication} ` +
      `from minute ${fmt(w.since)} (day ${(w.since / 1440).toFixed(1)}), ${w.lots} lots in the plant, ${w.equipment.join(', ')} waiting for skill ${w.skills.join(', ')}, ` +
      `whose operators have no shift before the horizon ends (docs/SIMULATION.md, "Stalls")`);
  }
  return lines;
}

/** "[#########           ]  45 %" for a terminal progress line. */
export function progressBar(fraction: number, width = 30): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)} %`;
}
