// Two projects: unit (Node, happy-dom where a test asks for it) and e2e (the built extension in
// Debian's Chromium, driven by playwright-core). `npm test` runs both.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { holidayData } from '../lib/build/holiday-data';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        root,
        plugins: [WxtVitest({ root }), preact(), holidayData()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          globalSetup: ['test/warm-holidays.ts'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        root,
        plugins: [holidayData()],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: two cores.
          fileParallelism: false,
        },
      },
      {
        root,
        plugins: [holidayData()],
        test: {
          name: 'screenshots',
          include: ['test/docs/**/*.run.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        root,
        plugins: [holidayData()],
        test: {
          name: 'bench',
          include: ['test/bench/**/*.bench-run.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
