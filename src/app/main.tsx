import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { benchRequest, startBench } from './benchMode.ts';
import { ganttBenchRequest, startGanttBench } from './ganttBench.ts';
import { startRouter } from './router.ts';
import { exposeSimProbe } from './simProbe.ts';
import { workspaces } from './workspaces.ts';
import { publishSession } from '../state/publish/publishSession.ts';
import { DEMO_PARTS } from '../state/demoStates.ts';
import { demoStates, twinStore } from '../state/twinStore.ts';
import './app.css';

twinStore.subscribe((state) => {
  const name = state.plant?.layout.name;
  document.title = name ? `${name} — Plant Twin` : 'Plant Twin';
});
exposeSimProbe();
// Approved versions still on their way resume after a reload, whichever workspace is open.
void publishSession.getState().start();

const params = new URLSearchParams(location.search);
const bench = benchRequest(location.search);
const ganttBench = ganttBenchRequest(location.search);
if (bench) {
  void startBench(bench, () => window.__twin?.info() ?? { calls: 0, triangles: 0 });
} else if (ganttBench) {
  void startGanttBench(ganttBench);
} else {
  // ?demo=1&parts=N starts with the synthetic demo states (tests, and a quick look at playback).
  const asked = Number(params.get('parts') ?? DEMO_PARTS);
  const demoParts = params.get('demo') === '1' ? (Number.isFinite(asked) ? asked : DEMO_PARTS) : undefined;
  void startRouter(workspaces.map((w) => w.id)).then(() => { if (demoParts !== undefined && twinStore.getState().plant) demoStates.show(demoParts); });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode><App /></StrictMode>);
