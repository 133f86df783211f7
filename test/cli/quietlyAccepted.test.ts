import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';
import { tempPlantDir } from './tempPlant.ts';

/**
 * Every input issue 15 found quietly accepted, one row each: now refused (exit 1) or warned (exit
 * 0, a "warning:" line), with the file and the place in it. Runs `plant-twin validate` in-process.
 */
let plant: ReturnType<typeof tempPlantDir>;
beforeAll(() => { plant = tempPlantDir(); });
afterAll(() => plant.remove());

async function validate(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['validate', ...args], { out: (t) => lines.push(...t.split('\n')), err: (t) => lines.push(...t.split('\n')) });
  return { code, lines };
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const scenarioText = (patch: (s: Record<string, unknown>) => void, layout = 'small-layout.json'): string => {
  const s = structuredClone(smallScenario) as unknown as Record<string, unknown>;
  s.layout = layout;
  patch(s);
  return JSON.stringify(s, null, 2);
};
const HEADER = 'time,equipment,field,value\n';

interface Row {
  name: string;
  file: string;
  content: string | Buffer;
  args?: string[];
  /** A line of the output that must appear: file, path and what was wrong. */
  expect: RegExp;
  code?: number;
}

const ROWS: Row[] = [
  {
    name: 'a duplicate "orders" key (the last one won: 0 orders, ok)',
    file: 'dup-orders.json',
    content: scenarioText(() => undefined).replace('"orders": [', '"orders": [],\n  "orders": ['),
    expect: /^\S*dup-orders\.json: orders: expected each key at most once in an object, found "orders" again at line \d+ column 3 \(first at line \d+/,
  },
  {
    name: 'a duplicate key deep in a layout',
    file: 'dup-layout.json',
    content: JSON.stringify(smallLayout, null, 2).replace('"id": "saw",', '"id": "saw",\n "id": "saw2",'),
    expect: /dup-layout\.json: site\.areas\[0\]\.lines\[0\]\.cells\[0\]\.equipment\[0\]\.id: expected each key at most once/,
  },
  {
    name: 'a duplicate key in a JSON-lines recording',
    file: 'dup.jsonl',
    content: '{"ts":1796018400000,"equipment":"saw","state":"idle","state":"down"}\n',
    expect: /dup\.jsonl: line 1: state: expected each key at most once/,
  },
  {
    name: 'Latin-1 text in a recording (was read with U+FFFD)',
    file: 'latin1.csv',
    content: latin1(`${HEADER}2026-11-30T06:00:00Z,saw,state,down\n2026-11-30T06:00:00Z,saw,reason,Späne\n`),
    expect: /latin1\.csv: line 3 column 35: expected UTF-8 text, found the byte 0xE4, which is not UTF-8 here — .*--encoding latin1/,
  },
  {
    name: 'Latin-1 text in a scenario',
    file: 'latin1-scenario.json',
    content: latin1(scenarioText((s) => { s.description = 'Sägewerk'; })),
    expect: /latin1-scenario\.json: line \d+ column \d+: expected UTF-8 text, found the byte 0xE4/,
  },
  {
    name: 'a CSV cut off in the middle of its last value (good,152 → good,1)',
    file: 'cut.csv',
    content: `${HEADER}2026-11-30T06:00:00Z,saw,state,processing\n2026-11-30T07:00:00Z,saw,good,1`,
    expect: /^warning: \S*cut\.csv: line 3: expected a line that ends with a line break, found the end of the file in the middle of this line — if the file was cut off, this line's last value may be cut short/,
    code: 0,
  },
  {
    name: 'a CSV cut off in the middle of its last field name',
    file: 'cut-field.csv',
    content: `${HEADER}2026-11-30T06:00:00Z,saw,state,processing\n2026-11-30T07:00:00Z,saw,go`,
    expect: /cut-field\.csv: line 3: expected 4 comma-separated values/,
  },
  {
    name: 'an SHDR log cut off in a value (ACTIVE → ACTI)',
    file: 'cut-value.shdr',
    content: '2026-11-30T06:00:00.000Z|avail|AVAILABLE|execution|READY\n2026-11-30T06:01:00.000Z|execution|ACTI\n',
    expect: /cut-value\.shdr: line 2: execution: expected a EXECUTION value: one of ACTIVE, READY/,
  },
  {
    name: 'an SHDR log cut off in a timestamp',
    file: 'cut-time.shdr',
    content: '2026-11-30T06:00:00.000Z|avail|AVAILABLE|execution|READY\n2026-11-30T06:01|execution|ACTIVE\n',
    expect: /cut-time\.shdr: line 2: expected a SHDR line: an ISO 8601 UTC timestamp/,
  },
  {
    name: 'an SHDR part count cut to nothing',
    file: 'cut-count.shdr',
    content: '2026-11-30T06:00:00.000Z|avail|AVAILABLE|execution|ACTIVE\n2026-11-30T06:01:00.000Z|part_count|1x\n',
    expect: /cut-count\.shdr: line 2: part_count: expected a part count: a whole number ≥ 0, or UNAVAILABLE, found "1x"/,
  },
  {
    name: 'an empty recording',
    file: 'empty.csv',
    content: '',
    expect: /empty\.csv: expected at least one event, found an empty file/,
  },
  {
    name: 'a header-only recording',
    file: 'header.csv',
    content: HEADER,
    expect: /header\.csv: expected at least one event, found no event in 1 line/,
  },
  {
    name: 'an empty JSON-lines recording',
    file: 'empty.jsonl',
    content: '\n\n',
    expect: /empty\.jsonl: expected at least one event, found no event in 2 lines/,
  },
  {
    name: 'an epoch time past the year 9999 (1e300)',
    file: 'far.jsonl',
    content: '{"ts":1e300,"equipment":"saw","state":"idle"}\n',
    expect: /far\.jsonl: line 1: ts: expected .*/,
  },
  {
    name: 'a CSV line with a quote left open, 2 MB long',
    file: 'open-quote.csv',
    content: `${HEADER}2026-11-30T06:00:00Z,saw,reason,"${'x'.repeat(2_000_000)}\n2026-11-30T06:00:00Z,saw,state,down\n`,
    expect: /open-quote\.csv: line 2: expected a line of at most 1,048,576 characters, found a line of 2,000,033 characters/,
  },
  {
    name: 'a scenario whose layout is /etc/passwd',
    file: 'passwd-scenario.json',
    content: scenarioText(() => undefined, '/etc/passwd'),
    expect: /passwd-scenario\.json: layout: expected a layout file that can be read, found "\/etc\/passwd" \(\/etc\/passwd\): a layout is a \.json file/,
  },
  {
    name: 'a scenario whose layout climbs out of its folder tree',
    file: 'deep/er/climb-scenario.json',
    content: scenarioText(() => undefined, '../../../../../../../../etc/hostname.json'),
    expect: /climb-scenario\.json: layout: expected a layout file that can be read, found .*outside the folders it may come from/,
  },
  {
    name: 'a horizon of 1e308 minutes',
    file: 'far-horizon.json',
    content: scenarioText((s) => { (s.experiment as { horizon: number }).horizon = 1e308; }),
    expect: /far-horizon\.json: experiment\.horizon: expected at most 10,512,000 minutes \(20 years\), found 1e\+308 minutes/,
  },
  {
    name: 'an order of 1e9 units',
    file: 'huge-order.json',
    content: scenarioText((s) => { (s.orders as { quantity: number }[])[1]!.quantity = 1e9; }),
    expect: /huge-order\.json: orders\[1\]\.quantity: expected at most 1,000,000 units in one order, found 1,000,000,000/,
  },
  {
    name: 'yield 0 with every bad unit reworked (no unit ever finishes)',
    file: 'zero-yield.json',
    content: scenarioText((s) => { (s.routings as { operations: Record<string, unknown>[] }[])[0]!.operations[1] = { ...(s.routings as { operations: Record<string, unknown>[] }[])[0]!.operations[1], yield: 0, rework: { fraction: 1, operation: 'cut' } }; }),
    expect: /zero-yield\.json: routings\[0\]\.operations\[1\]\.rework\.fraction: expected a rework loop a unit can leave: a yield above 0 or a rework fraction below 1, found yield 0 with every non-good unit reworked: no unit ever finishes/,
  },
  {
    name: 'a yield so low that a unit passes the rework loop a thousand times',
    file: 'low-yield.json',
    content: scenarioText((s) => { (s.routings as { operations: Record<string, unknown>[] }[])[0]!.operations[2] = { ...(s.routings as { operations: Record<string, unknown>[] }[])[0]!.operations[2], yield: 0.001, rework: { fraction: 1, operation: 'mill' } }; }),
    expect: /low-yield\.json: routings\[0\]\.operations: expected rework loops a unit passes at most 100 times on average, found 1,000 passes/,
  },
  {
    name: 'a failure every microsecond over the horizon',
    file: 'flaky.json',
    content: scenarioText((s) => { s.failures = [{ equipment: ['saw'], timeBetweenFailures: { type: 'exponential', mean: 1e-6 }, timeToRepair: { type: 'constant', value: 1 } }]; }),
    expect: /flaky\.json: failures\[0\]\.timeBetweenFailures: expected a mean time between failures of at least 0\.003 minutes \(at most 1,000,000 failures over the horizon\), found a mean of 0\.000001 minutes/,
  },
];

describe('inputs issue 15 found quietly accepted are refused with their place', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const file = path.join(plant.dir, row.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, row.content);
      const { code, lines } = await validate(file, ...(row.args ?? []));
      expect(lines.find((l) => row.expect.test(l)), lines.join('\n')).toBeDefined();
      expect(code).toBe(row.code ?? 1);
    });
  }

  it('Latin-1 is read on request, é and all', async () => {
    const file = path.join(plant.dir, 'latin1-ok.csv');
    writeFileSync(file, latin1(`${HEADER}2026-11-30T06:00:00Z,saw,state,down\n2026-11-30T06:00:00Z,saw,reason,Späne\n`));
    expect(await validate('--encoding', 'latin1', file)).toEqual({ code: 0, lines: [`${file}: ok (recording, 1 events)`] });
  });

  it('years 0000–0099 are those years, not 19xx', async () => {
    const { isoToMs } = await import('../../src/live/stateColumns.ts');
    expect(new Date(isoToMs('0050-06-01T12:00:00Z')).toISOString()).toBe('0050-06-01T12:00:00.000Z');
    expect(new Date(isoToMs('0000-01-01T00:00:00.5+01:00')).toISOString()).toBe('-000001-12-31T23:00:00.500Z');
  });

  it('a layout that is not a layout is named, never shown', async () => {
    writeFileSync(path.join(plant.dir, 'secret.json'), '{"password": "hunter2-do-not-show"}');
    writeFileSync(path.join(plant.dir, 'notjson.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    for (const [name, ref] of [['a.json', 'secret.json'], ['b.json', 'notjson.json']] as const) {
      const file = path.join(plant.dir, name);
      writeFileSync(file, scenarioText(() => undefined, ref));
      const { code, lines } = await validate(file);
      expect(code).toBe(1);
      expect(lines.join('\n')).not.toMatch(/hunter2|password|root:x/);
      expect(lines.join('\n')).toMatch(/layout: expected the path of a layout file \(JSON with "format": "plant-twin\/layout"\)/);
    }
  });

  it('only regular files are read: a FIFO does not hang, /dev/urandom is not read', async () => {
    const fifo = path.join(plant.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const { code, lines } = await validate(fifo, '/dev/urandom', path.join(plant.dir, 'pipe.csv'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(lines).toContain(`${fifo}: expected a regular file, found a named pipe (FIFO)`);
    expect(lines).toContain('/dev/urandom: expected a regular file, found a device');
  });

  it('a layout from another folder is read when that folder is allowed with --layout-root', async () => {
    const elsewhere = path.join(plant.dir, 'elsewhere');
    mkdirSync(path.join(elsewhere, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(plant.dir, 'elsewhere', 'small-layout.json'), JSON.stringify(smallLayout));
    const scenario = path.join(elsewhere, 'a', 'b', 's.json');
    writeFileSync(scenario, scenarioText(() => undefined, '../../small-layout.json'));
    expect((await validate(scenario)).code).toBe(1);
    expect(await validate('--layout-root', elsewhere, scenario)).toMatchObject({ code: 0, lines: [`${scenario}: ok (scenario)`] });
  });
});
