import type { WebGLProgramParametersWithUniforms } from 'three';

/**
 * Equipment whose state is old news (a stale live state, a broker's old retained copy) is drawn
 * hatched: diagonal pale stripes in screen space over its state colour. The hue still says what it
 * last did; the stripes say it may no longer hold — a treatment no state colour has.
 */
export function hatchStale(shader: WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute float instanceHatch;\nvarying float vHatch;')
    .replace('#include <color_vertex>', '#include <color_vertex>\nvHatch = instanceHatch;');
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nvarying float vHatch;')
    .replace('#include <color_fragment>', [
      '#include <color_fragment>',
      'if (vHatch > 0.5 && mod(gl_FragCoord.x + gl_FragCoord.y, 12.0) < 5.0) diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.93, 0.94, 0.95), 0.8);',
    ].join('\n'));
}

export const hatchCacheKey = (): string => 'plant-twin-stale-hatch';
