import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium at a time against the built app (dist/), apart from `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/serveBuiltApp.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
