// npm start's server as a developer meets it: https with Microsoft's developer certificate, the API, the pane and the manifest answering, one line for a refused handshake, a clean stop.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { get } from 'node:https'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devCertificates } from '../../worker/dev/dev-certs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const { generateCertificates } = require('office-addin-dev-certs') as {
  generateCertificates(ca: string, cert: string, key: string, days: number): Promise<void>
}
const TSX = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs')

let home: string
let port: number
let server: ChildProcess
let stdout = ''
let stderr = ''

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}

/** GET over https trusting only the test's CA: the certificate chain is really checked. */
function fetchTrusted(
  url: string
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const ca = readFileSync(devCertificates(home).ca)
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
      )
    }).on('error', reject)
  })
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error(`délai dépassé ; sortie :\n${stdout}\n${stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'addin/dist/manifest.xml'))) {
    throw new Error('addin/dist est absent : npm test construit le complément avant les tests.')
  }
  home = mkdtempSync(path.join(tmpdir(), 'aci-start-'))
  const files = devCertificates(home)
  mkdirSync(files.directory, { recursive: true })
  await generateCertificates(files.ca, files.cert, files.key, 2)
  port = await freePort()
  // HOME on Linux and macOS, USERPROFILE on Windows: where os.homedir() finds the certificates.
  server = spawn(process.execPath, [TSX, 'worker/dev/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, USERPROFILE: home, PORT: String(port), CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
  })
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  await until(() => stdout.includes('Prêt en'), 90_000)
}, 120_000)

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL')
  rmSync(home, { recursive: true, force: true })
})

describe('npm start', () => {
  it('annonce le certificat de développement et l’adresse du volet', () => {
    expect(stdout).toContain('Certificat : celui des compléments Office')
    expect(stdout).toContain(`Prêt en`)
    expect(stdout).toContain(`https://localhost:${port}/taskpane.html`)
    // Another port than the manifest's is said, with what to set.
    expect(stdout).toContain(`ADDIN_ORIGIN=https://localhost:${port}`)
  })

  it('sert en https approuvé la santé, le volet et le manifeste', async () => {
    const health = await fetchTrusted(`https://localhost:${port}/healthz`)
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' })
    const pane = await fetchTrusted(`https://localhost:${port}/taskpane.html`)
    expect(pane.status).toBe(200)
    expect(pane.headers['x-content-type-options']).toBe('nosniff')
    expect(String(pane.headers['content-security-policy'])).toContain('frame-ancestors')
    const manifest = await fetchTrusted(`https://localhost:${port}/manifest.xml`)
    expect(manifest.status).toBe(200)
    expect(manifest.body).toContain('<OfficeApp')
  })

  it('résume en une ligne une connexion refusée, sans trace de pile', async () => {
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz' }, (r) => {
        r.resume()
        r.on('end', resolve)
      })
      req.on('error', () => resolve())
      req.end()
    })
    await until(() => stderr.includes('Connexion https refusée'), 10_000)
    expect(stderr).toContain('une requête en http sur le port https')
    expect(stderr).not.toContain('stack:')
    expect(stderr).not.toContain('kj/compat')
  })

  it('s’arrête proprement', async () => {
    const exited = new Promise<number | null>((resolve) =>
      server.once('exit', (code) => resolve(code))
    )
    server.kill('SIGTERM')
    const code = await exited
    expect(code === 0 || code === null).toBe(true)
  })
})
