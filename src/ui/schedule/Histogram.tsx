import { bin, max, scaleLinear } from 'd3';

const WIDTH = 320;
const HEIGHT = 120;
const M = { top: 8, right: 10, bottom: 28, left: 34 };

/** A histogram of replication values (hours), with a marker where the plan says. */
export function Histogram({ values, label, marker, markerLabel, testId }: { values: readonly number[]; label: string; marker?: number; markerLabel?: string; testId: string }) {
  if (values.length === 0) return null;
  const lo = Math.min(...values, marker ?? Infinity);
  const hi = Math.max(...values, marker ?? -Infinity);
  const x = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).nice(12).range([M.left, WIDTH - M.right]);
  const bins = bin().domain(x.domain() as [number, number]).thresholds(x.ticks(16))(values);
  const y = scaleLinear().domain([0, max(bins, (b) => b.length) ?? 1]).nice().range([HEIGHT - M.bottom, M.top]);
  return (
    <figure className="histogram" data-testid={testId}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${label}: ${values.length} replications from ${lo.toFixed(1)} to ${hi.toFixed(1)}`}>
        {bins.map((b) => (
          <rect key={`${b.x0}`} x={x(b.x0!) + 0.5} y={y(b.length)} width={Math.max(0, x(b.x1!) - x(b.x0!) - 1)} height={y(0) - y(b.length)} fill="#8da4b8">
            <title>{`${b.x0}–${b.x1}: ${b.length}`}</title>
          </rect>
        ))}
        {y.ticks(3).map((v) => <text key={v} x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={10} fill="#5f6973">{v}</text>)}
        {x.ticks(5).map((v) => <text key={v} x={x(v)} y={HEIGHT - M.bottom + 12} textAnchor="middle" fontSize={10} fill="#5f6973">{v}</text>)}
        <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4} textAnchor="middle" fontSize={10} fill="#5f6973">{label}</text>
        {marker !== undefined && (
          <g>
            <line x1={x(marker)} x2={x(marker)} y1={M.top} y2={HEIGHT - M.bottom} stroke="#1f2429" strokeDasharray="3 2" />
            <text x={x(marker) + 3} y={M.top + 8} fontSize={10} fill="#1f2429">{markerLabel}</text>
          </g>
        )}
      </svg>
    </figure>
  );
}
