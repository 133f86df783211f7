/** Active periods of one piece of equipment: sorted, disjoint [starts[i], ends[i]). */
export interface ActivePeriods {
  starts: readonly number[];
  ends: readonly number[];
}

export interface BottleneckShares {
  /** Per equipment, minutes it was the sole and a shifting bottleneck. */
  sole: Float64Array;
  shifting: Float64Array;
}

/**
 * Bottleneck detection by the active period method (Roser, Nakano & Tanaka, "Shifting
 * bottleneck detection", Proc. Winter Simulation Conference 2002):
 *
 * - A machine is active while processing, in setup, down or in maintenance; an active period is
 *   an uninterrupted stretch of activity.
 * - At any moment the bottleneck is the machine whose current active period is the longest.
 * - Where the bottleneck passes from one machine to another and their active periods overlap,
 *   the overlap is a shifting bottleneck for both (the part before the hand-over counts for
 *   the old one, the part after for the new one); the rest is a sole bottleneck.
 *
 * Ties go to the lower equipment index. Moments when no machine is active have no bottleneck.
 */
export function activePeriodBottlenecks(periods: readonly ActivePeriods[], start: number, end: number): BottleneckShares {
  const m = periods.length;
  const sole = new Float64Array(m);
  const shifting = new Float64Array(m);
  const cuts: number[] = [start, end];
  for (const p of periods) for (let i = 0; i < p.starts.length; i++) cuts.push(p.starts[i]!, p.ends[i]!);
  const times = Float64Array.from(cuts.filter((t) => t >= start && t <= end)).sort();
  const bounds: number[] = [];
  for (const t of times) if (bounds.length === 0 || bounds[bounds.length - 1] !== t) bounds.push(t);
  const segments = bounds.length - 1;
  if (segments <= 0) return { sole, shifting };

  // Momentary bottleneck of each elementary segment, and the active period it belongs to.
  const owner = new Int32Array(segments).fill(-1);
  const ownerPeriod = new Int32Array(segments).fill(-1);
  const cursor = new Int32Array(m);
  for (let k = 0; k < segments; k++) {
    const t = bounds[k]!;
    let bestLength = 0;
    for (let j = 0; j < m; j++) {
      const p = periods[j]!;
      let c = cursor[j]!;
      while (c < p.ends.length && p.ends[c]! <= t) c++;
      cursor[j] = c;
      if (c < p.starts.length && p.starts[c]! <= t) {
        const length = p.ends[c]! - p.starts[c]!;
        if (length > bestLength) {
          bestLength = length;
          owner[k] = j;
          ownerPeriod[k] = c;
        }
      }
    }
  }

  const isShifting = new Uint8Array(segments);
  for (let k = 1; k < segments; k++) {
    const a = owner[k - 1]!;
    const b = owner[k]!;
    if (a < 0 || b < 0 || a === b) continue;
    const pa = periods[a]!;
    const pb = periods[b]!;
    const ia = ownerPeriod[k - 1]!;
    const ib = ownerPeriod[k]!;
    const overlapStart = Math.max(pa.starts[ia]!, pb.starts[ib]!);
    const overlapEnd = Math.min(pa.ends[ia]!, pb.ends[ib]!);
    for (let j = k - 1; j >= 0 && owner[j] === a && bounds[j]! >= overlapStart; j--) isShifting[j] = 1;
    for (let j = k; j < segments && owner[j] === b && bounds[j + 1]! <= overlapEnd; j++) isShifting[j] = 1;
  }
  for (let k = 0; k < segments; k++) {
    const j = owner[k]!;
    if (j < 0) continue;
    const length = bounds[k + 1]! - bounds[k]!;
    if (isShifting[k]) shifting[j]! += length;
    else sole[j]! += length;
  }
  return { sole, shifting };
}
