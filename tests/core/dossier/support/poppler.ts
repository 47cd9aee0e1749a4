// Debian's poppler-utils for the PDF tests: pdftotext found, installed with apt-get in CI (root or sudo -n), or a clear reason to skip outside CI.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const inCi = (): boolean =>
  process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'

function found(): string | undefined {
  for (const path of [
    '/usr/bin/pdftotext',
    '/usr/local/bin/pdftotext',
    '/opt/homebrew/bin/pdftotext',
  ]) {
    if (existsSync(path)) return path
  }
  const which = spawnSync('which', ['pdftotext'], { encoding: 'utf8' })
  return which.status === 0 && which.stdout.trim() !== '' ? which.stdout.trim() : undefined
}

function install(): void {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const sudo = isRoot ? [] : ['sudo', '-n']
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils'],
  ]) {
    const [command, ...rest] = [...sudo, ...args] as [string, ...string[]]
    const run = spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (run.status !== 0) return
  }
}

/** The path of pdftotext, or why the PDF text tests are skipped (never in CI: there it is installed, or the tests fail). */
export function pdftotext(): { path: string } | { reason: string } {
  let path = found()
  if (path === undefined && inCi()) {
    install()
    path = found()
    if (path === undefined) {
      throw new Error(
        'pdftotext absent et impossible à installer (apt-get install poppler-utils, en root ou sudo -n) : en CI les tests du PDF ne sont jamais sautés.'
      )
    }
  }
  if (path === undefined) {
    return {
      reason:
        'pdftotext absent : installer poppler-utils (Debian : apt-get install poppler-utils) pour tester le texte du PDF.',
    }
  }
  return { path }
}

/** The text of a PDF as pdftotext extracts it, pages separated by form feeds; `raw` keeps the drawing order. */
export function textOf(tool: string, pdf: Uint8Array, mode: 'raw' | 'layout' = 'raw'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pdf-'))
  try {
    const file = join(dir, 'dossier.pdf')
    writeFileSync(file, pdf)
    return execFileSync(tool, [`-${mode}`, '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
