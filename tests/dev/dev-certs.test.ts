// Microsoft's developer certificates as npm start reads them: ready, absent, expired or unreadable, each with what to run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateAdvice, certificateState, devCertificates } from '../../worker/dev/dev-certs'

const { generateCertificates } = createRequire(import.meta.url)('office-addin-dev-certs') as {
  generateCertificates(ca: string, cert: string, key: string, days: number): Promise<void>
}

let home: string
const DAY = 24 * 3600 * 1000

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'aci-dev-certs-'))
  const files = devCertificates(home)
  mkdirSync(files.directory, { recursive: true })
  await generateCertificates(files.ca, files.cert, files.key, 3)
})

afterAll(() => rmSync(home, { recursive: true, force: true }))

describe('certificat de développement de npm start', () => {
  it('se trouve dans .office-addin-dev-certs du dossier personnel', () => {
    const files = devCertificates(home)
    expect(path.relative(home, files.cert)).toBe(
      path.join('.office-addin-dev-certs', 'localhost.crt')
    )
    expect(path.relative(home, files.key)).toBe(
      path.join('.office-addin-dev-certs', 'localhost.key')
    )
    expect(path.relative(home, files.ca)).toBe(path.join('.office-addin-dev-certs', 'ca.crt'))
  })

  it('est prêt quand il existe et n’a pas expiré, et dit jusqu’à quand', () => {
    const state = certificateState({}, devCertificates(home))
    expect(state.kind).toBe('ready')
    if (state.kind !== 'ready') return
    const days = (state.validTo.getTime() - Date.now()) / DAY
    expect(days).toBeGreaterThan(2)
    expect(days).toBeLessThan(4)
    expect(certificateAdvice(state)).toBeUndefined()
  })

  it('dit quoi lancer quand il manque', () => {
    const state = certificateState({}, devCertificates(path.join(home, 'ailleurs')))
    expect(state).toEqual({ kind: 'absent' })
    expect(certificateAdvice(state)).toContain('npx office-addin-dev-certs install --days 365')
  })

  it('dit quand il a expiré et comment le refaire', () => {
    const later = new Date(Date.now() + 10 * DAY)
    const state = certificateState({}, devCertificates(home), later)
    expect(state.kind).toBe('expired')
    const advice = certificateAdvice(state) ?? ''
    expect(advice).toMatch(/^Certificat de développement expiré le \d{2}\/\d{2}\/\d{4}/)
    expect(advice).toContain('npx office-addin-dev-certs uninstall')
  })

  it('préfère les fichiers désignés par les variables de wrangler, et signale un fichier illisible', () => {
    const bad = path.join(home, 'faux.crt')
    writeFileSync(bad, 'pas un certificat')
    const state = certificateState(
      { WRANGLER_HTTPS_CERT_PATH: bad, WRANGLER_HTTPS_KEY_PATH: devCertificates(home).key },
      devCertificates(home)
    )
    expect(state.kind).toBe('unreadable')
    expect(certificateAdvice(state)).toContain('illisible')
  })
})
