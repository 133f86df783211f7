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
