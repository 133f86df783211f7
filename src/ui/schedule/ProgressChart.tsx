import { extent, line, max, scaleLinear } from 'd3';
import type { ProgressPoint } from '../../state/scheduling.ts';

const WIDTH = 280;
const HEIGHT = 110;
const M = { top: 8, right: 8, bottom: 20, left: 44 };

const short = (v: number) => (Math.abs(v) >= 10_000 ? `${(v / 1000).toFixed(0)}k` : Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(1)}k` : String(Math.round(v * 10) / 10));

/** The solver's best value and its lower bound on the objective's first level, over the seconds of the search. */
export function ProgressChart({ points, label }: { points: readonly ProgressPoint[]; label: string }) {
  const finite = points.filter((p) => Number.isFinite(p.best));
  if (finite.length === 0) return <p className="chart-empty">Waiting for the first schedule…</p>;
  const [t0 = 0, t1 = 1] = extent(finite, (p) => p.elapsedMs / 1000) as [number, number];
  const top = max(finite, (p) => Math.max(p.best, Number.isFinite(p.bound) ? p.bound : 0)) ?? 1;
  const x = scaleLinear().domain([Math.min(0, t0), Math.max(t1, t0 + 0.1)]).range([M.left, WIDTH - M.right]);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([HEIGHT - M.bottom, M.top]);
  const best = line<ProgressPoint>().x((p) => x(p.elapsedMs / 1000)).y((p) => y(p.best))(finite) ?? '';
  const bounded = finite.filter((p) => Number.isFinite(p.bound));
  const bound = line<ProgressPoint>().x((p) => x(p.elapsedMs / 1000)).y((p) => y(p.bound))(bounded) ?? '';
  const last = finite[finite.length - 1]!;
  return (
    <figure className="progress-chart" data-testid="schedule-progress-chart">
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${label}: best ${short(last.best)}, lower bound ${Number.isFinite(last.bound) ? short(last.bound) : 'none'} after ${(last.elapsedMs / 1000).toFixed(1)} s`}>
        {y.ticks(3).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} stroke="#e4e7ea" />
            <text x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={10} fill="#5f6973">{short(v)}</text>
          </g>
        ))}
        {x.ticks(4).map((v) => (
          <text key={v} x={x(v)} y={HEIGHT - 6} textAnchor="middle" fontSize={10} fill="#5f6973">{v} s</text>
        ))}
        <path d={bound} fill="none" stroke="#5f6973" strokeWidth={1.5} strokeDasharray="4 3" />
        <path d={best} fill="none" stroke="#2f4f7a" strokeWidth={2} />
      </svg>
      <figcaption>
        <span><span className="legend-line best" /> best {label}</span>
        <span><span className="legend-line bound" /> lower bound</span>
      </figcaption>
    </figure>
  );
}
