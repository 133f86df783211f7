import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveFolder } from './staticServer.ts';

declare module 'vitest' {
  export interface ProvidedContext { appUrl: string }
}

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/index.html is missing: run `vite build` first (npm run test:e2e does)');
  const server = await serveFolder(dist);
  project.provide('appUrl', server.url);
  return () => server.close();
}
