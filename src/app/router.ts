import { bundledSamples } from '../state/bundledSamples.ts';
import { navigation } from '../state/navigation.ts';
import { startupSample } from '../state/sampleCatalogue.ts';
import { twinStore } from '../state/twinStore.ts';
import { parseRoute, routeHash, type Route } from './route.ts';

/** The bundled sample the plant on screen came from, if it did: only those can be named in a link. */
function shownSample(): string | undefined {
  const plant = twinStore.getState().plant;
  const file = plant?.scenarioFile ?? plant?.layoutFile;
  return file !== undefined && bundledSamples.has(file) ? file : undefined;
}

/** A hash that is not a route (`#workspace-main` from a skip link) leaves the view alone. */
const isRoute = (hash: string) => hash === '' || hash === '#' || hash.startsWith('#/');

/**
 * Keeps the workspace, the plant on screen and the URL's hash in step: switching workspaces
 * adds a history entry (Back returns), opening another plant replaces the link's plant. Opens
 * the plant the link names, or the default sample. Resolves once that plant is open.
 */
export async function startRouter(workspaceIds: readonly string[]): Promise<void> {
  const fallback = workspaceIds[0]!;
  const read = (): Route => parseRoute(location.hash, workspaceIds, fallback);
  const write = (route: Route, push: boolean) => {
    const hash = routeHash(route);
    if (hash === location.hash) return;
    if (push) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  };
  const current = (): Route => {
    const plant = shownSample();
    return { workspace: navigation.getState().workspace, ...(plant ? { plant } : {}) };
  };

  const first = read();
  navigation.setState({ workspace: first.workspace });
  navigation.subscribe((state, previous) => { if (state.workspace !== previous.workspace) write(current(), true); });
  twinStore.subscribe((state, previous) => { if (state.plant !== previous.plant) write(current(), false); });
  window.addEventListener('hashchange', () => {
    if (!isRoute(location.hash)) return;
    const route = read();
    if (route.workspace !== navigation.getState().workspace) navigation.setState({ workspace: route.workspace });
    if (route.plant !== undefined && route.plant !== shownSample() && bundledSamples.has(route.plant)) void twinStore.getState().openSample(route.plant);
    else write(current(), false);
  });

  const asked = first.plant;
  if (asked !== undefined && bundledSamples.has(asked)) {
    await twinStore.getState().openSample(asked);
    return;
  }
  const fallbackPlant = startupSample(bundledSamples);
  if (fallbackPlant) await twinStore.getState().openSample(fallbackPlant);
  if (asked !== undefined) {
    twinStore.setState({ failure: { files: [asked], problems: [{ file: asked, path: '', expected: 'a bundled sample named by the link', found: 'no such sample', hint: 'the link may come from another version of Plant Twin; choose a sample or open the files' }] } });
  }
  write(current(), false);
}
