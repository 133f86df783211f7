import type { Page } from 'playwright-core';

export interface PixelStats {
  distinctColours: number;
  /** Share of pixels that differ clearly from the scene's background colour. */
  drawn: number;
  /** Share of pixels in the selection blue, which the grey plant never uses. */
  highlighted: number;
}

/** The scene background in src/twin/PlantScene.tsx. */
const background = [0xee, 0xf0, 0xf2];

/**
 * Copies the WebGL canvas (kept readable by preserveDrawingBuffer) into a 2D canvas and counts
 * colours, so a blank or background-only twin is told apart from a drawn one.
 */
export function canvasPixelStats(page: Page): Promise<PixelStats> {
  return page.evaluate(([r0, g0, b0]) => {
    const source = document.querySelector<HTMLCanvasElement>('[data-testid="twin-canvas"] canvas');
    if (!source) throw new Error('no twin canvas');
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const colours = new Set<number>();
    let drawn = 0;
    let highlighted = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      colours.add((r << 16) | (g << 8) | b);
      if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 24) drawn++;
      if (b - r > 70) highlighted++;
    }
    const pixels = data.length / 4;
    return { distinctColours: colours.size, drawn: drawn / pixels, highlighted: highlighted / pixels };
  }, background as [number, number, number]);
}

/**
 * A page point on the highlighted (selected) equipment: the highlighted pixel nearest to the
 * centre of all highlighted pixels, so it lies on the visible part of that equipment.
 */
export function highlightedPoint(page: Page): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(() => {
    const source = document.querySelector<HTMLCanvasElement>('[data-testid="twin-canvas"] canvas');
    if (!source) throw new Error('no twin canvas');
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const points: [number, number][] = [];
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 2] ?? 0) - (data[i] ?? 0) > 70) points.push([(i / 4) % copy.width, Math.floor(i / 4 / copy.width)]);
    }
    if (points.length === 0) return undefined;
    const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
    const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
    const [px, py] = points.reduce((best, p) => (Math.hypot(p[0] - cx, p[1] - cy) < Math.hypot(best[0] - cx, best[1] - cy) ? p : best));
    const rect = source.getBoundingClientRect();
    const scale = rect.width / copy.width;
    return { x: rect.left + (px + 0.5) * scale, y: rect.top + (py + 0.5) * scale };
  });
}

/** Mean colour of the canvas pixels in a small square around a page point. */
export function colourAt(page: Page, point: { x: number; y: number }, radius = 2): Promise<[number, number, number]> {
  return page.evaluate(({ x, y, radius }) => {
    const source = document.querySelector<HTMLCanvasElement>('[data-testid="twin-canvas"] canvas');
    if (!source) throw new Error('no twin canvas');
    const rect = source.getBoundingClientRect();
    const scale = source.width / rect.width;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(source, 0, 0);
    const cx = Math.round((x - rect.left) * scale);
    const cy = Math.round((y - rect.top) * scale);
    const { data } = context.getImageData(cx - radius, cy - radius, 2 * radius + 1, 2 * radius + 1);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c] ?? 0;
    const n = data.length / 4;
    return [sum[0]! / n, sum[1]! / n, sum[2]! / n] as [number, number, number];
  }, { ...point, radius });
}
