/**
 * 1,000 approved dispatch lists through the faulty reference MES, by the commands a user runs:
 * `plant-twin approve` (in this process, the same code) into an outbox folder, then
 * `plant-twin publish` as its own process against `plant-twin mes-receiver` with 50 % 5xx, 10 %
 * dropped connections and slow answers. Prints one JSON line: what was published, what the MES
 * stored (delivered, duplicates, lost, out of order) and the time from a list's first attempt to
 * its acknowledgement (p50Ms, p99Ms), read from the audit journal.
 * Run: npm run bench:publish [-- --lists N --fail-rate R --drop-rate R --delay-ms D]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../../src/cli/main.ts';
import type { AuditEntry } from '../../src/mes/auditEntry.ts';
import { CliProcess, receivedIds, startReceiver } from '../cli/mesProcesses.ts';
import { freePort } from '../live/mosquitto.ts';
import { manyLists } from '../mes/sampleLists.ts';

const { values } = parseArgs({
  options: {
    lists: { type: 'string', default: '1000' },
    'fail-rate': { type: 'string', default: '0.5' },
    'drop-rate': { type: 'string', default: '0.1' },
    'delay-ms': { type: 'string', default: '20' },
    'retry-base-ms': { type: 'string', default: '20' },
    'retry-cap-ms': { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
});

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const dir = mkdtempSync(join(tmpdir(), 'plant-twin-bench-publish-'));
const outbox = join(dir, 'outbox');
const store = join(dir, 'mes');
const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(`${t}\n`) };
const lists = manyLists(Number(values.lists), 'bench');
const approveStart = performance.now();
for (const list of lists) {
  const file = join(dir, 'list.json');
  writeFileSync(file, JSON.stringify(list));
  if (await main(['approve', file, '--by', 'bench', '--reason', 'bench:publish', '--outbox', outbox], quiet) !== 0) throw new Error(`approve ${list.id} failed`);
}
const approveSeconds = (performance.now() - approveStart) / 1000;

const port = await freePort();
const receiver = await startReceiver(['--port', String(port), '--store', store, '--fail-rate', values['fail-rate']!, '--drop-rate', values['drop-rate']!, '--delay-ms', values['delay-ms']!], dir);
const start = performance.now();
const publish = new CliProcess(['publish', '--outbox', outbox, '--rest', `http://127.0.0.1:${port}/dispatch`,
  '--retry-base-ms', values['retry-base-ms']!, '--retry-cap-ms', values['retry-cap-ms']!, '--request-timeout-ms', '5000'], dir);
const code = await publish.exited;
const publishSeconds = (performance.now() - start) / 1000;
await receiver.kill('SIGTERM');

const received = receivedIds(store);
const approved = lists.map((l) => l.id);
const unique = new Set(received);
const journal = readFileSync(join(outbox, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
const firstAttempt = new Map<string, number>();
const latencies: number[] = [];
let attempts = 0;
for (const e of journal) {
  if (e.type === 'attempt') {
    attempts++;
    if (!firstAttempt.has(e.version)) firstAttempt.set(e.version, Date.parse(e.at));
  }
  if (e.type === 'answer') latencies.push(Date.parse(e.at) - firstAttempt.get(e.version)!);
}
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  published: approved.length,
  delivered: approved.filter((id) => unique.has(id)).length,
  duplicates: received.length - unique.size,
  lost: approved.filter((id) => !unique.has(id)).length,
  outOfOrder: received.join() !== approved.join(),
  p50Ms: quantile(latencies, 0.5),
  p99Ms: quantile(latencies, 0.99),
  attempts,
  publishExit: code,
  publishSeconds: Math.round(publishSeconds * 10) / 10,
  listsPerSecond: Math.round((approved.length / publishSeconds) * 10) / 10,
  approveSeconds: Math.round(approveSeconds * 10) / 10,
  faults: { failRate: Number(values['fail-rate']), dropRate: Number(values['drop-rate']), delayMs: Number(values['delay-ms']) },
  retry: { baseMs: Number(values['retry-base-ms']), capMs: Number(values['retry-cap-ms']) },
}));
if (values.keep) console.error(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
