/**
 * Layouts use floor-plan metres (x east, y north); the scene is y-up with the floor in x/z.
 * North maps to -z so the plan reads the usual way when seen from the south.
 */
export function toScene(x: number, y: number, height = 0): [number, number, number] {
  return [x, height, -y];
}
