import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Unit tests: the engine (lib/) and the site's pure helpers (src/). Browser tests live in tests/e2e (Playwright). */
export default defineConfig({
  resolve: {
    alias: {
      '@lib': fileURLToPath(new URL('./lib', import.meta.url)),
      '~': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'src/**/*.test.ts', 'content/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
