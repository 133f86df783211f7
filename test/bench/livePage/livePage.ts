// The browser build of MQTT.js has only a default export.
import mqtt from 'mqtt';
import { startLiveBench, type LiveBench } from './liveBench.ts';

declare global {
  interface Window { __liveBench?: LiveBench }
}

/** The page side of `npm run bench:live`: MQTT.js over WebSocket in the browser, status on screen. */
const url = new URLSearchParams(location.search).get('broker') ?? 'ws://127.0.0.1:9001';
const bench = startLiveBench(url, (u, o) => mqtt.connect(u, o));
window.__liveBench = bench;
const status = document.getElementById('status')!;
const show = (): void => {
  status.textContent = bench.phase();
  setTimeout(show, 250);
};
show();
