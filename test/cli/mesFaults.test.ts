import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { AuditEntry } from '../../src/mes/auditEntry.ts';
import { freePort, waitFor } from '../live/mosquitto.ts';
import { manyLists } from '../mes/sampleLists.ts';
import { B2MML_SCHEMAS } from '../mes/xmllint.ts';
import { CliProcess, receivedIds, startReceiver } from './mesProcesses.ts';

const SECRET = 'Tk-7f3a9c1e-do-not-log';
const running: CliProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) await p.kill();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function silent() {
  const lines: string[] = [];
  return { lines, output: { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) } };
}

/** Every file under a folder, as text. */
function allFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

describe('publishing through faults, with real processes killed mid-run', () => {
  it('delivers every approved version exactly once, in version order, and acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plant-twin-mes-'));
    dirs.push(dir);
    const outbox = join(dir, 'outbox');
    const store = join(dir, 'mes');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${SECRET}\n`);
    const lists = manyLists(24, 'dl');
    const log = silent();
    for (const list of lists) {
      const file = join(dir, `${list.id}.json`);
      writeFileSync(file, JSON.stringify(list));
      expect(await main(['approve', file, '--by', 'A. Planner', '--reason', 'shift plan', '--outbox', outbox], log.output)).toBe(0);
    }
    const port = await freePort();
    const receiverArgs = ['--port', String(port), '--store', store, '--fail-rate', '0.5', '--drop-rate', '0.1', '--delay-ms', '400',
      '--token-file', tokenFile, '--validate', '--schemas', B2MML_SCHEMAS];
    const publishArgs = ['publish', '--outbox', outbox, '--rest', `http://127.0.0.1:${port}/dispatch`, '--token-file', tokenFile,
      '--retry-base-ms', '20', '--retry-cap-ms', '300', '--request-timeout-ms', '300'];

    let receiver = await startReceiver(receiverArgs, dir);
    running.push(receiver);
    let publisher = new CliProcess(publishArgs, dir);
    running.push(publisher);
    const outputs: string[] = [];

    await waitFor('5 lists received', () => receivedIds(store).length >= 5, 120_000);
    await receiver.kill();
    outputs.push(receiver.stdout, receiver.stderr);
    await new Promise((r) => setTimeout(r, 500)); // the publisher meets refused connections meanwhile
    receiver = await startReceiver(receiverArgs, dir);
    running.push(receiver);

    await waitFor('12 lists received', () => receivedIds(store).length >= 12, 120_000);
    await publisher.kill();
    outputs.push(publisher.stdout, publisher.stderr);
    publisher = new CliProcess(publishArgs, dir);
    running.push(publisher);
    const code = await publisher.exited;
    outputs.push(publisher.stdout, publisher.stderr);
    expect(code, publisher.stderr).toBe(0);
    expect(publisher.stdout).toContain('24 versions: 24 acknowledged');

    expect(receivedIds(store)).toEqual(lists.map((l) => l.id));
    expect(readFileSync(join(store, 'rejected.jsonl'), 'utf8')).toBe('');

    const journal = readFileSync(join(outbox, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    const failures = journal.filter((e) => e.type === 'attempt-failed').map((e) => (e.type === 'attempt-failed' ? e.error : ''));
    // The faults really happened: 5xx, timeouts of slow answers, connections dropped or refused, 409 while in progress.
    expect(failures.some((f) => f.startsWith('HTTP 503'))).toBe(true);
    expect(failures.some((f) => f.includes('no answer within 300 ms'))).toBe(true);
    expect(failures.some((f) => f.startsWith('network error'))).toBe(true);
    expect(journal.filter((e) => e.type === 'answer').map((e) => e.version)).toEqual(lists.map((l) => l.id));

    const verify = silent();
    expect(await main(['audit', 'verify', outbox], verify.output)).toBe(0);
    expect(verify.lines[0]).toMatch(/audit trail intact, \d+ entries/);
    outputs.push(receiver.stdout, receiver.stderr, ...log.lines, ...verify.lines);
    await receiver.kill();

    const csv = join(dir, 'audit.csv');
    expect(await main(['audit', 'export', outbox, '--out', csv], silent().output)).toBe(0);
    // The token is in the file it was given in, and nowhere else: no output, no journal, no export, no receiver store.
    const leaks = allFiles(dir).filter((f) => f.path !== tokenFile && f.text.includes(SECRET)).map((f) => f.path);
    expect(leaks).toEqual([]);
    expect(outputs.filter((o) => o.includes(SECRET))).toEqual([]);
  }, 300_000);
});
