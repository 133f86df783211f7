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
  const bounds = segmentBounds(periods, start, end);
  const segments = bounds.length - 1;
  if (segments <= 0) return { sole, shifting };

  // Momentary bottleneck of each elementary segment, and the active period it belongs to: a
  // sweep over the bounds that looks at a machine only where its activity changes, and scans
  // the machines again only when the bottleneck's own period ends.
  const owner = new Int32Array(segments).fill(-1);
  const ownerPeriod = new Int32Array(segments).fill(-1);
  const cursor = new Int32Array(m);
  /** The period a machine is active in now (-1: none), its length, and when that can next change. */
  const current = new Int32Array(m).fill(-1);
  const length = new Float64Array(m);
  const change = new Float64Array(m).fill(-Infinity);
  let best = -1;
  let bestLength = 0;
  for (let k = 0; k < segments; k++) {
    const t = bounds[k]!;
    let rescan = false;
    for (let j = 0; j < m; j++) {
      if (change[j]! > t) continue;
      const p = periods[j]!;
      let c = cursor[j]!;
      while (c < p.ends.length && p.ends[c]! <= t) c++;
      cursor[j] = c;
      const was = current[j]!;
      const active = c < p.starts.length && p.starts[c]! <= t;
      current[j] = active ? c : -1;
      change[j] = active ? p.ends[c]! : c < p.starts.length ? Math.min(p.starts[c]!, p.ends[c]!) : Infinity;
      if (active && was === c) continue;
      length[j] = active ? p.ends[c]! - p.starts[c]! : 0;
      if (j === best) rescan = true;
      else if (active && (length[j]! > bestLength || (length[j] === bestLength && bestLength > 0 && j < best))) {
        best = j;
        bestLength = length[j]!;
      }
    }
    if (rescan) {
      best = -1;
      bestLength = 0;
      for (let j = 0; j < m; j++) {
        if (current[j]! >= 0 && length[j]! > bestLength) {
          best = j;
          bestLength = length[j]!;
        }
      }
    }
    if (best >= 0) {
      owner[k] = best;
      ownerPeriod[k] = current[best]!;
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

/** Every start and end inside [start, end], with both ends of the window, sorted and distinct. */
function segmentBounds(periods: readonly ActivePeriods[], start: number, end: number): Float64Array {
  let n = 2;
  for (const p of periods) n += p.starts.length + p.ends.length;
  const times = new Float64Array(n);
  let k = 0;
  times[k++] = start;
  times[k++] = end;
  const keep = (t: number) => {
    if (t >= start && t <= end) times[k++] = t;
  };
  for (const p of periods) {
    for (let i = 0; i < p.starts.length; i++) {
      keep(p.starts[i]!);
      keep(p.ends[i]!);
    }
  }
  const sorted = times.subarray(0, k).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (distinct === 0 || sorted[distinct - 1] !== sorted[i]) sorted[distinct++] = sorted[i]!;
  return sorted.subarray(0, distinct);
}
