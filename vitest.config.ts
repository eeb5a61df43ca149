import { defineConfig } from 'vitest/config';

// Three tiers, one runner: unit (pure modules), build (the built dist/), e2e (Chromium on dist/).
export default defineConfig({
  test: {
    // A stray .only must not silently skip the rest of the suite in CI.
    allowOnly: !process.env['CI'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Fails any browser test whose pages logged a console error or threw.
          setupFiles: ['tests/support/e2e-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium per file is plenty on a two-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
