import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';

/** A temp directory holding the small plant as small-layout.json and small-scenario.json. */
export function tempPlantDir(): { dir: string; write(name: string, content: unknown): string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-cli-'));
  const write = (name: string, content: unknown): string => {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return name;
  };
  write('small-layout.json', smallLayout);
  write('small-scenario.json', smallScenario);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
