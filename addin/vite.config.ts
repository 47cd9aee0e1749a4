// Build of the Excel add-in into addin/dist, which the Worker serves: taskpane.html, functions.js/json, icons, manifest.xml.
// ADDIN_ORIGIN=https://example.org npm run build points the manifest at a deployed origin.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { addinAssets, addinOrigin } from './vite-plugins/addin-assets.ts'
import { customFunctions } from './vite-plugins/custom-functions.ts'
import { fluentTheme } from './vite-plugins/fluent-theme.ts'

const here = (...parts: string[]) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), ...parts)

export default defineConfig({
  root: here('taskpane'),
  // Relative URLs: the page works wherever the Worker mounts it.
  base: './',
  publicDir: false,
  plugins: [
    react(),
    fluentTheme(),
    customFunctions({ entry: here('functions', 'functions.ts') }),
    addinAssets({
      manifest: here('..', 'manifest.xml'),
      origin: addinOrigin(process.env.ADDIN_ORIGIN),
    }),
  ],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: { taskpane: here('taskpane', 'taskpane.html') },
      // The core (shared/) is pure: a module of it whose exports go unused is left out, so the
      // first screen does not carry the budget check and the contract schedules it never calls.
      treeshake: {
        moduleSideEffects: (id: string) =>
          /[\\/]shared[\\/]/.test(id) && !id.includes('node_modules') ? false : undefined,
      },
      // What the first screen needs in two files, React and the rest, rather than a dozen small
      // ones queued on the browser's six connections; each tab and the actions in their own files.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              tags: ['$initial'],
              priority: 2,
            },
            { name: 'pane', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
})
