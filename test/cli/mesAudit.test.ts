import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { smallList } from '../mes/sampleLists.ts';
import { xmllintProblems } from '../mes/xmllint.ts';
import { startReceiver, type CliProcess } from './mesProcesses.ts';
import { freePort } from '../live/mosquitto.ts';

let dir: string;
let outbox: string;
let pristine: string;

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  return { code, lines };
}

/** A real trail: three approvals (one superseding another), published to the reference MES. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plant-twin-audit-'));
  outbox = join(dir, 'outbox');
  const base = smallList();
  for (const [id, supersedes] of [['dl-1', 'none'], ['dl-2', 'none'], ['dl-3', 'dl-2']] as const) {
    const file = join(dir, `${id}.json`);
    writeFileSync(file, JSON.stringify({ ...base, id, supersedes: null }));
    expect((await run(['approve', file, '--by', 'A. Planner', '--reason', `plan ${id}`, '--outbox', outbox, '--supersedes', supersedes])).code).toBe(0);
  }
  const port = await freePort();
  let receiver: CliProcess | undefined;
  try {
    receiver = await startReceiver(['--port', String(port), '--store', join(dir, 'mes'), '--fail-rate', '0.3', '--seed', '7'], dir);
    const published = await run(['publish', '--outbox', outbox, '--rest', `http://127.0.0.1:${port}/`, '--retry-base-ms', '10']);
    expect(published.code, published.lines.join('\n')).toBe(0);
  } finally {
    await receiver?.kill('SIGTERM');
  }
  pristine = readFileSync(join(outbox, 'journal.jsonl'), 'utf8');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verifyWith(edit: (lines: string[]) => string[]) {
  const lines = pristine.trimEnd().split('\n');
  writeFileSync(join(outbox, 'journal.jsonl'), `${edit(lines).join('\n')}\n`);
  return run(['audit', 'verify', outbox]);
}

describe('plant-twin audit verify on a real trail', () => {
  it('passes the untouched trail, which holds approvals, a supersession, attempts and answers', async () => {
    const types = pristine.trimEnd().split('\n').map((l) => JSON.parse(l).type);
    expect(types.slice(0, 4)).toEqual(['approved', 'approved', 'approved', 'superseded']);
    expect(types).toContain('attempt');
    expect(types.filter((t) => t === 'answer')).toHaveLength(2);
    const { code, lines } = await verifyWith((l) => l);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`audit trail intact, ${types.length} entries, head [0-9a-f]{64}`));
  });

  it('names an edited entry', async () => {
    const { code, lines } = await verifyWith((l) => l.map((x, i) => (i === 0 ? x.replace('"by":"A. Planner"', '"by":"B. Boss"') : x)));
    expect(code).toBe(1);
    expect(lines).toContain(`${join(outbox, 'journal.jsonl')}: line 1: entry 1 (approved dl-1) was edited: its content no longer matches its hash`);
  });

  it('names a deleted entry', async () => {
    const { code, lines } = await verifyWith((l) => l.filter((_, i) => i !== 3));
    expect(code).toBe(1);
    expect(lines).toContain(`${join(outbox, 'journal.jsonl')}: entry 4 was removed (it was between lines 3 and 4)`);
  });

  it('names swapped entries', async () => {
    const { code, lines } = await verifyWith((l) => { const c = [...l]; [c[4], c[5]] = [c[5]!, c[4]!]; return c; });
    expect(code).toBe(1);
    expect(lines.some((x) => x.endsWith('lines 5–6: entry 5 (attempt dl-1) comes after entry 6: entries were reordered'))).toBe(true);
  });

  it('names each of several tamperings at once, and a changed frozen document', async () => {
    const frozen = join(outbox, 'versions', 'dl-1.json');
    const original = readFileSync(frozen, 'utf8');
    writeFileSync(frozen, original.replace('<QuantityString>50</QuantityString>', '<QuantityString>500</QuantityString>'));
    try {
      const { code, lines } = await verifyWith((l) => {
        const c = l.filter((_, i) => i !== 5);
        c[1] = c[1]!.replace('plan dl-2', 'plan dl-9');
        return c;
      });
      expect(code).toBe(1);
      const text = lines.join('\n');
      expect(text).toContain('line 2: entry 2 (approved dl-2) was edited');
      expect(text).toContain('entry 6 was removed (it was between lines 5 and 6)');
      expect(text).toContain('line 1: version dl-1: ');
      expect(text).toContain('B2MML differs from what was approved (edited)');
      expect(lines[lines.length - 1]).toMatch(/audit trail NOT intact: 3 problems/);
    } finally {
      writeFileSync(frozen, original);
    }
  });

  it('checks a noted head hash, so a cut-off tail is found', async () => {
    const head = JSON.parse(pristine.trimEnd().split('\n').pop()!).hash as string;
    await verifyWith((l) => l);
    expect((await run(['audit', 'verify', outbox, '--head', head])).code).toBe(0);
    const cut = await verifyWith((l) => l.slice(0, -2));
    expect(cut.code).toBe(0); // a shorter chain is still a chain…
    const { code, lines } = await run(['audit', 'verify', outbox, '--head', head]);
    expect(code).toBe(1); // …but not the one whose head was noted
    expect(lines.join('\n')).toContain(`the head ${head} noted earlier is not in the chain`);
  });

  it('exports the trail as CSV, one row per entry', async () => {
    await verifyWith((l) => l);
    const csv = join(dir, 'audit.csv');
    expect((await run(['audit', 'export', outbox, '--out', csv])).code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('seq,at,type,version,by,reason,supersedes,channel,attempt,workCentre,httpStatus,outcome,text,retryAt,hash,prev');
    expect(rows).toHaveLength(pristine.trimEnd().split('\n').length + 1);
    expect(rows[3]).toMatch(/^3,[^,]+,approved,dl-3,A\. Planner,plan dl-3,dl-2,/);
  });
});

describe('plant-twin export', () => {
  it('writes B2MML that validates, CSV, JSON and the printable sheet; from an outbox the frozen bytes', async () => {
    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify(smallList()));
    const xml = join(dir, 'list.xml');
    expect((await run(['export', list, '--b2mml', '--out', xml, '--layout', join(import.meta.dirname, '../../layouts/kitchen-hardware.json')])).code).toBe(1); // its machines are not in that layout
    expect((await run(['export', list, '--b2mml', '--out', xml])).code).toBe(0);
    expect(xmllintProblems(readFileSync(xml, 'utf8'))).toBeNull();
    const csv = join(dir, 'list.csv');
    expect((await run(['export', list, '--csv', '--out', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n').slice(0, 3)).toEqual([
      'version,supersedes,equipment,sequence,order,product,operation,quantity,plannedStart,plannedEnd,changeoverFrom,changeoverTo,changeoverMinutes',
      'dl-0002,dl-0001,mill-1,1,o2,p2,mill,50,2026-11-30T08:15:00Z,2026-11-30T13:15:00Z,,B,15',
      'dl-0002,dl-0001,lathe-1,1,o1,p1,turn,10,2026-11-30T07:00:00+01:00,2026-11-30T08:00:00+01:00,,,',
    ]);
    const sheet = join(dir, 'sheet.html');
    expect((await run(['export', list, '--sheet', '--out', sheet])).code).toBe(0);
    const html = readFileSync(sheet, 'utf8');
    expect(html.match(/<section>/g)).toHaveLength(3);
    expect(html).toContain('<td>2026-11-30 09:30 +01:00</td>');
    expect(html).toContain('A → C, 7.5 min');
    const frozen = join(dir, 'frozen.xml');
    expect((await run(['export', '--outbox', outbox, '--version', 'dl-1', '--b2mml', '--out', frozen])).code).toBe(0);
    expect(readFileSync(frozen, 'utf8')).toBe(JSON.parse(readFileSync(join(outbox, 'versions', 'dl-1.json'), 'utf8')).documents.b2mml);
    expect(xmllintProblems(readFileSync(frozen, 'utf8'))).toBeNull();
    expect((await run(['export', list, '--csv', '--b2mml', '--out', csv])).code).toBe(2);
  });
});
