import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../src/app/route.ts';

const ids = ['twin', 'simulate', 'schedule'];

describe('hash routes', () => {
  it('reads the workspace and the plant, and writes them back the same', () => {
    const route = parseRoute('#/schedule?plant=scenarios/kitchen-hardware-week.json', ids, 'twin');
    expect(route).toEqual({ workspace: 'schedule', plant: 'scenarios/kitchen-hardware-week.json' });
    expect(routeHash(route)).toBe('#/schedule?plant=scenarios/kitchen-hardware-week.json');
    expect(parseRoute(routeHash(route), ids, 'twin')).toEqual(route);
  });

  it('falls back for an empty, unknown or odd hash', () => {
    expect(parseRoute('', ids, 'twin')).toEqual({ workspace: 'twin' });
    expect(parseRoute('#/', ids, 'twin')).toEqual({ workspace: 'twin' });
    expect(parseRoute('#/nowhere?plant=x.json', ids, 'twin')).toEqual({ workspace: 'twin', plant: 'x.json' });
    expect(parseRoute('#simulate/', ids, 'twin')).toEqual({ workspace: 'simulate' });
  });

  it('round-trips plant paths with characters a URL must escape', () => {
    const route = { workspace: 'simulate', plant: 'scenarios/a b&c=d#e.json' };
    expect(parseRoute(routeHash(route), ids, 'twin')).toEqual(route);
  });
});
