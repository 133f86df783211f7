import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A Mosquitto broker with a WebSocket listener on loopback, started from a temporary config.
 * Debian 12's Mosquitto 2.0.11 will not start with a WebSocket listener alone ("Unable to start
 * any listening sockets"), so a plain MQTT listener on loopback comes with it.
 */
export interface Broker {
  port: number;
  /** ws:// URL, as the browser connects. */
  url: string;
  /** mqtt:// URL of the plain TCP listener. */
  tcpUrl: string;
  /** Process id of the running broker, if it runs. */
  pid(): number | undefined;
  /** Kills the broker (SIGKILL, as a crash would) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function mosquittoPath(): string {
  const candidates = [...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'mosquitto')), '/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('mosquitto is not installed: the live-state tests need a real broker (Debian: apt-get install mosquitto; .ci/run installs it)');
  }
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts Mosquitto on a free loopback port; `extra` lines go into its config (e.g. queue limits). */
export async function startMosquitto(extra: string[] = []): Promise<Broker> {
  const binary = mosquittoPath();
  const port = await freePort();
  const tcpPort = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(conf, [`listener ${tcpPort} 127.0.0.1`, `listener ${port} 127.0.0.1`, 'protocol websockets', 'allow_anonymous true', 'persistence false', ...extra, ''].join('\n'));
  let child: ChildProcess | undefined;
  let output = '';
  const launch = async (): Promise<void> => {
    const proc = spawn(binary, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    proc.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    await waitFor(`mosquitto to listen on ${port}`, async () => {
      if (proc.exitCode !== null) throw new Error(`mosquitto exited with ${proc.exitCode}: ${output}`);
      return accepts(port);
    });
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    pid: () => child?.pid,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
