// Types of the modules the build plugins provide to the page (addin/vite-plugins/custom-functions.ts).

declare module 'virtual:aci-functions-metadata' {
  import type { FunctionsJson } from './functions-metadata'

  const metadata: FunctionsJson
  export default metadata
}
