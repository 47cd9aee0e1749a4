// Every test of the project, in the runtime where its code runs: Node for the core and the add-in, workerd for the Worker.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts', 'tests/budget/**/*.test.ts'],
          environment: 'node',
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
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
        },
      },
    ],
  },
})
