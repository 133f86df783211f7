import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** MESA's V0701 schemas, read where they are shared (never copied into the project). */
export const B2MML_SCHEMAS = fileURLToPath(new URL('../../../shared/standards/b2mml/Schema', import.meta.url));

/** Validates a document with `xmllint --noout --schema`; returns null when valid, else xmllint's complaints. */
export function xmllintProblems(xml: string, name = 'document.xml'): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'b2mml-'));
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', join(B2MML_SCHEMAS, 'B2MML-WorkSchedule.xsd'), file], { encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status === 0) return null;
  return run.stderr.split('\n').filter((l) => l.trim() && !l.includes('Skipping import')).join('\n');
}

export function xmllintVersion(): string {
  return execFileSync('xmllint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
