// Vite plugin for Fluent's light theme as a style sheet: the CSS variables FluentProvider would write at run time, written at build time.
import { webLightTheme } from '@fluentui/react-components'
import type { Plugin } from 'vite'

const ID = 'virtual:fluent-theme.css'

/**
 * `import 'virtual:fluent-theme.css'` gives Fluent's light theme as CSS variables on the pane's
 * root (.aci-theme), so that the first screen has Fluent's tokens without FluentProvider.
 */
export function fluentTheme(): Plugin {
  return {
    name: 'aci-fluent-theme',
    resolveId: (source) => (source === ID ? `\0${ID}` : undefined),
    load: (loaded) =>
      loaded === `\0${ID}`
        ? `.aci-theme {\n${Object.entries(webLightTheme)
            .map(([name, value]) => `  --${name}: ${value};`)
            .join('\n')}\n}\n`
        : undefined,
  }
}
