// The browser build of MQTT.js has only a default export.
import mqtt from 'mqtt';
import { CONTROL_REPLY, CONTROL_REQUEST, startLiveBench, type ControlCall, type LiveBench } from './liveBench.ts';

declare global {
  interface Window { __liveBench?: LiveBench }
}

/**
 * The page side of `npm run bench:live`: MQTT.js over WebSocket in the browser, status on screen.
 * The harness asks for readings over a second MQTT connection, not through DevTools: a DevTools
 * client (Playwright) switches on the Network domain, which copies every WebSocket frame to it and
 * would be measured as the page's cost.
 */
const url = new URLSearchParams(location.search).get('broker') ?? 'ws://127.0.0.1:9001';
const bench = startLiveBench(url, (u, o) => mqtt.connect(u, o));
window.__liveBench = bench;
const control = mqtt.connect(url, { clientId: `bench-control-${Math.floor(Math.random() * 1e9)}`, reconnectPeriod: 500 });
control.on('connect', () => { control.subscribe(CONTROL_REQUEST, { qos: 1 }); });
const decoder = new TextDecoder();
control.on('message', (_topic, payload) => {
  const { id, call } = JSON.parse(decoder.decode(payload)) as { id: number; call: ControlCall };
  const result = call === 'phase' ? bench.phase() : call === 'reset' ? bench.reset() : bench.read();
  control.publish(CONTROL_REPLY, JSON.stringify({ id, result: result ?? null }), { qos: 1 });
});
const status = document.getElementById('status')!;
const show = (): void => {
  status.textContent = bench.phase();
  setTimeout(show, 250);
};
show();
