// Types of this Worker for the runtime modules: its main module's exports (used by `exports` in the tests).
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index')
  }
}
