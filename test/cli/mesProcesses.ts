import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../live/mosquitto.ts';

const BIN = fileURLToPath(new URL('../../src/cli/plant-twin.mjs', import.meta.url));

/** A `plant-twin` child process whose output is collected, to be killed with SIGKILL like a crash. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => { this.stdout += d.toString(); });
    this.child.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }
}

/** Starts `plant-twin mes-receiver` and waits until it listens. */
export async function startReceiver(args: string[], cwd: string): Promise<CliProcess> {
  const p = new CliProcess(['mes-receiver', ...args], cwd);
  await waitFor('the receiver to listen', () => {
    if (p.child.exitCode !== null) throw new Error(`mes-receiver exited: ${p.stderr}`);
    return p.stdout.includes('listening on');
  }, 30_000);
  return p;
}

/** The ids in the receiver's received.jsonl, in the order stored. */
export function receivedIds(store: string): string[] {
  const file = join(store, 'received.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.endsWith('}')).map((l) => (JSON.parse(l) as { id: string }).id);
}
