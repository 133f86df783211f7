import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { benchRequest, startBench } from './benchMode.ts';
import { bundledSamples } from './bundledSamples.ts';
import { DEMO_PARTS } from './demoStates.ts';
import { startupSample } from './sampleCatalogue.ts';
import { demoStates, twinStore } from './twinStore.ts';
import './app.css';

twinStore.subscribe((state) => {
  const name = state.plant?.layout.name;
  document.title = name ? `${name} — Plant Twin` : 'Plant Twin';
});

const params = new URLSearchParams(location.search);
const bench = benchRequest(location.search);
if (bench) {
  void startBench(bench, () => window.__twin?.info() ?? { calls: 0, triangles: 0 });
} else {
  const first = startupSample(bundledSamples);
  // ?demo=1&parts=N starts with the synthetic demo states (tests, and a quick look at playback).
  const asked = Number(params.get('parts') ?? DEMO_PARTS);
  const demoParts = params.get('demo') === '1' ? (Number.isFinite(asked) ? asked : DEMO_PARTS) : undefined;
  if (first) void twinStore.getState().openSample(first).then(() => { if (demoParts !== undefined) demoStates.show(demoParts); });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode><App /></StrictMode>);
