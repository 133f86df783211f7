import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the built app the browser benchmarks serve. */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = join(root, 'dist');

function newestIn(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` unless dist/ is newer than every source file (or `rebuild` asks for it). */
export function ensureBuilt(rebuild: boolean): void {
  const index = join(dist, 'index.html');
  if (!rebuild && existsSync(index) && statSync(index).mtimeMs > Math.max(newestIn(join(root, 'src')), newestIn(join(root, 'solver')))) return;
  const built = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('vite build failed');
}
