import { extent, line, max, scaleLinear } from 'd3';
import type { RunSeries } from '../../training/runSeries.ts';

const WIDTH = 300;
const HEIGHT = 120;
const M = { left: 44, right: 8, top: 8, bottom: 22 };

const SERIES: { key: Exclude<keyof RunSeries, 't'>; title: string; scale?: number }[] = [
  { key: 'lateOrders', title: 'Late orders' },
  { key: 'wipLots', title: 'WIP (lots)' },
  { key: 'goodUnits', title: 'Good units out' },
  { key: 'setupMinutes', title: 'Changeover (h)', scale: 1 / 60 },
];

function Chart({ title, t, mine, best }: { title: string; t: number[]; mine: number[]; best: number[] }) {
  const [t0, t1] = extent(t) as [number, number];
  const x = scaleLinear().domain([t0 ?? 0, Math.max(t1 ?? 1, (t0 ?? 0) + 1)]).range([M.left, WIDTH - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, max([...mine, ...best]) ?? 1)]).nice(4).range([HEIGHT - M.bottom, M.top]);
  const path = (values: number[]) => line<number>().x((_, i) => x(t[i]!)).y((v) => y(v))(values) ?? '';
  const days = Math.floor(((t1 ?? 0) - (t0 ?? 0)) / 1440);
  return (
    <figure className="debrief-chart" data-chart={title}>
      <figcaption>{title} <span className="axis-note">(by day of the lesson)</span></figcaption>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${title}: your run and the best run over the lesson`}>
        {y.ticks(4).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 4} y={y(v) + 4} textAnchor="end">{v.toLocaleString('en')}</text>
          </g>
        ))}
        {Array.from({ length: days + 1 }, (_, d) => (t0 ?? 0) + d * 1440).map((m) => (
          <text key={m} x={x(m)} y={HEIGHT - 6} textAnchor="middle">{Math.round((m - (t0 ?? 0)) / 1440)}</text>
        ))}
        <path d={path(best)} className="series-best" />
        <path d={path(mine)} className="series-mine" />
      </svg>
    </figure>
  );
}

/** The trainee's run against the best run, hour by hour, on four of the lesson's measures. */
export function DebriefCharts({ mine, best }: { mine: RunSeries; best: RunSeries }) {
  return (
    <div className="debrief-charts" data-testid="debrief-charts">
      <p className="debrief-legend"><span className="swatch mine" /> your run <span className="swatch best" /> the best run (the best alternative at every decision)</p>
      {SERIES.map((s) => (
        <Chart key={s.key} title={s.title} t={mine.t}
          mine={mine[s.key].map((v) => v * (s.scale ?? 1))} best={best[s.key].map((v) => v * (s.scale ?? 1))} />
      ))}
    </div>
  );
}
