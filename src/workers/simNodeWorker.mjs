// A Node worker thread cannot start from TypeScript: register tsx, then import the real entry.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./simNodeWorker.ts');
