/** Layout engineers place equipment on a half-metre grid and turn it in right angles. */
export const GRID_STEP = 0.5;

export function snapToGrid(value: number, step = GRID_STEP): number {
  // Adding 0 turns -0 into 0, so a snapped file never shows "-0".
  return Math.round(value / step) * step + 0;
}

/** The next right angle counter-clockwise, in [0, 360): 0 → 90, 270 → 0, 45 → 90. */
export function nextRightAngle(rotation: number): number {
  const normalised = ((rotation % 360) + 360) % 360;
  return (Math.floor(normalised / 90 + 1e-9) * 90 + 90) % 360;
}
