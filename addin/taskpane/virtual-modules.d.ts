// Types of the modules the build plugins provide to the page (addin/build/custom-functions.ts).

declare module 'virtual:aci-functions-metadata' {
  import type { FunctionsJson } from './functions-metadata'

  const metadata: FunctionsJson
  export default metadata
}
