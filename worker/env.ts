// The bindings of the Worker (wrangler.toml): the add-in's static files and the configured CORS origins.
export interface Env {
  /** The built add-in (addin/dist) served as Workers Static Assets. */
  readonly ASSETS: { fetch(request: Request | string): Promise<Response> }
  /** Other origins allowed to call the API from a browser, comma-separated (the add-in's own origin needs none). */
  readonly ALLOWED_ORIGINS?: string
}

export interface AppEnv {
  Bindings: Env
}
