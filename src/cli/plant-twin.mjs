#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on import so the published bin needs no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// `plant-twin validate … | head` closes the pipe early: stop quietly rather than with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
