import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bundledSamples } from './bundledSamples.ts';
import { startupSample } from './sampleCatalogue.ts';
import { twinStore } from './twinStore.ts';
import './app.css';

twinStore.subscribe((state) => {
  const name = state.plant?.layout.name;
  document.title = name ? `${name} — Plant Twin` : 'Plant Twin';
});

const first = startupSample(bundledSamples);
if (first) void twinStore.getState().openSample(first);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode><App /></StrictMode>);
