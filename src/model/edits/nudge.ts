/** Arrow keys move the selected equipment by half a metre (the grid), with Shift by five. */
export const NUDGE_STEP = 0.5;
export const NUDGE_STEP_LARGE = 5;

/**
 * The plan offset an arrow key asks for: right is east (+x), up is north (+y), as the plan is drawn
 * in the top view; undefined for other keys.
 */
export function nudgeOffset(key: string, shift: boolean): { dx: number; dy: number } | undefined {
  const step = shift ? NUDGE_STEP_LARGE : NUDGE_STEP;
  switch (key) {
    case 'ArrowRight': return { dx: step, dy: 0 };
    case 'ArrowLeft': return { dx: -step, dy: 0 };
    case 'ArrowUp': return { dx: 0, dy: step };
    case 'ArrowDown': return { dx: 0, dy: -step };
    default: return undefined;
  }
}
