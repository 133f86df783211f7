import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, waitFor, type Broker } from '../live/mosquitto.ts';

const BIN = fileURLToPath(new URL('../../src/cli/plant-twin.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/kitchen-hardware-week.json';

let broker: Broker;
beforeAll(async () => { broker = await startMosquitto(); });
afterAll(async () => { await broker?.stop(); });

function liveSim(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'live-sim', SCENARIO, '--broker', broker.tcpUrl, ...args], { cwd: ROOT });
  const r = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => { r.stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { r.stderr += d.toString(); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { r, exit, child };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const settled = (p: Promise<unknown>, ms: number): Promise<boolean> => Promise.race([p.then(() => true), sleep(ms).then(() => false)]);

describe('plant-twin live-sim ends', () => {
  it('at a slow speed it keeps pacing (no timer overflow) and the first SIGTERM ends it at once', async () => {
    const { r, exit, child } = liveSim(['--speed', '0.001', '--horizon', '600']);
    await waitFor('live-sim to publish', () => r.stderr.includes('publishing'), 60_000);
    await sleep(1500);
    expect(await settled(exit, 10)).toBe(false);
    child.kill('SIGTERM');
    expect(await settled(exit, 5000)).toBe(true);
    expect(await exit).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+ state changes published over 0 simulated minutes \(stopped early\)$/);
  }, 180_000);

  it('at its horizon although the broker died: the unacknowledged messages are counted, exit 1', async () => {
    // 720 simulated minutes at 3600× take 12 s of wall time. The kitchen week starts at midnight and its first shift at
    // 06:00, so state changes come from second 6 on: the broker is dead by then, even on a loaded machine.
    const { r, exit } = liveSim(['--speed', '3600', '--horizon', '720']);
    await waitFor('live-sim to publish', () => r.stderr.includes('publishing'), 60_000);
    await broker.kill();
    try {
      expect(await settled(exit, 90_000)).toBe(true);
      expect(await exit).toBe(1);
      expect(r.stdout.trim()).toMatch(/^\d+ state changes published over \d+ simulated minutes; [1-9]\d* not acknowledged by the broker$/);
    } finally {
      await broker.restart();
    }
  }, 180_000);

  it('on the first SIGINT while the broker is away', async () => {
    const { r, exit, child } = liveSim(['--speed', '60', '--horizon', '600']);
    await waitFor('live-sim to publish', () => r.stderr.includes('publishing'), 60_000);
    await broker.kill();
    try {
      await sleep(500);
      child.kill('SIGINT');
      expect(await settled(exit, 5000)).toBe(true);
      expect(r.stdout).toContain('(stopped early)');
    } finally {
      await broker.restart();
    }
  }, 180_000);
});
