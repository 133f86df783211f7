/**
 * The hash route: `#/<workspace>?plant=<bundled sample path>`. The hash, not the path, so the
 * built app works from any static server and a reload never asks the server for a route.
 */
export interface Route {
  workspace: string;
  /** A bundled sample's repository path, e.g. "scenarios/kitchen-hardware-week.json". */
  plant?: string;
}

/** Reads a location hash; an unknown or missing workspace becomes `fallback`. */
export function parseRoute(hash: string, workspaces: readonly string[], fallback: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const query = body.indexOf('?');
  const id = decodeURIComponent(query < 0 ? body : body.slice(0, query)).replace(/\/+$/, '');
  const params = new URLSearchParams(query < 0 ? '' : body.slice(query + 1));
  const plant = params.get('plant') ?? undefined;
  return { workspace: workspaces.includes(id) ? id : fallback, ...(plant ? { plant } : {}) };
}

export function routeHash(route: Route): string {
  // Slashes stay readable in a shared link; they are legal in a fragment.
  const plant = route.plant === undefined ? '' : `?plant=${encodeURIComponent(route.plant).replace(/%2F/g, '/')}`;
  return `#/${route.workspace}${plant}`;
}
