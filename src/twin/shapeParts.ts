import { BoxGeometry, BufferGeometry, CylinderGeometry, Float32BufferAttribute } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/**
 * Pieces of a procedural equipment shape in unit space: x and z from -0.5 to 0.5 (width and
 * depth of the footprint), y from 0 to 1 (height); +z is the front (south on the plan). Each
 * piece carries a shade that multiplies the instance colour, so one colour per instance still
 * shows doors, windows and frames.
 */
export class ShapeParts {
  private readonly pieces: BufferGeometry[] = [];

  private add(geometry: BufferGeometry, shade: number): this {
    const count = geometry.getAttribute('position').count;
    geometry.setAttribute('color', new Float32BufferAttribute(new Array<number>(count * 3).fill(shade), 3));
    this.pieces.push(geometry);
    return this;
  }

  /** A box by its centre and size. */
  box(x: number, y: number, z: number, w: number, h: number, d: number, shade = 1): this {
    return this.add(new BoxGeometry(w, h, d).translate(x, y, z), shade);
  }

  /** A box standing on y0, up to y1. */
  block(x: number, z: number, w: number, d: number, y0: number, y1: number, shade = 1): this {
    return this.box(x, (y0 + y1) / 2, z, w, y1 - y0, d, shade);
  }

  /** An upright cylinder from y0 to y1. */
  cylinder(x: number, z: number, radius: number, y0: number, y1: number, shade = 1, segments = 12): this {
    return this.add(new CylinderGeometry(radius, radius, y1 - y0, segments).translate(x, (y0 + y1) / 2, z), shade);
  }

  /** A cylinder lying along z (a roller), centred at x, y. */
  roller(x: number, y: number, radius: number, length: number, shade = 1): this {
    return this.add(new CylinderGeometry(radius, radius, length, 8).rotateX(Math.PI / 2).translate(x, y, 0), shade);
  }

  merge(): BufferGeometry {
    const merged = mergeGeometries(this.pieces);
    for (const piece of this.pieces) piece.dispose();
    if (!merged) throw new Error('equipment shape pieces have different attributes');
    merged.computeBoundingSphere();
    return merged;
  }
}
