// Every test of the project, in the runtime where its code runs: Node for the core and the add-in, workerd for the Worker.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: [
            'tests/core/**/*.test.ts',
            'tests/budget/**/*.test.ts',
            'tests/contract/**/*.test.ts',
          ],
          environment: 'node',
          // Property tests check hundreds of generated budgets; on a busy two-core machine that can
          // pass five seconds. Their time is not what they test: speed lives in npm run bench.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'addin',
          include: ['tests/addin/**/*.test.ts', 'tests/addin/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'dev',
          include: ['tests/dev/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
        },
      },
    ],
  },
})
