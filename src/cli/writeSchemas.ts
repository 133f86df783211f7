// Writes docs/schemas/*.schema.json from the zod schemas: `npm run schemas`.
import { mkdir, writeFile } from 'node:fs/promises';
import { jsonSchemaFiles } from './jsonSchemas.ts';

const dir = new URL('../../docs/schemas/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const { file, text } of jsonSchemaFiles()) {
  await writeFile(new URL(file, dir), text);
  console.log(`docs/schemas/${file}`);
}
