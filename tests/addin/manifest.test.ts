// manifest.xml checked offline against the rules Office applies to a shared-runtime custom-functions add-in, and its origin rewrite.
// The online check, `npx office-addin-manifest validate manifest.xml`, needs Microsoft's service: it is the release check.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { OfficeAddinManifest } from 'office-addin-manifest'
import { describe, expect, it } from 'vitest'
import { addinOrigin, DEV_ORIGIN, rewriteOrigin } from '../../addin/vite-plugins/addin-assets'
import { ICON_SIZES, iconFileName } from '../../addin/vite-plugins/icons'
import { iconPaths, manifestProblems, parseManifest } from './support/manifest-rules'

const ROOT = path.resolve(import.meta.dirname, '../..')
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml')
const manifest = readFileSync(MANIFEST_PATH, 'utf8')
const packageVersion = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

describe('manifest.xml', () => {
  it('respecte les règles d’un complément à fonctions personnalisées en runtime partagé', () => {
    expect(manifestProblems(manifest, DEV_ORIGIN)).toEqual([])
  })

  it('porte la version du paquet (Office met en cache par version)', () => {
    expect(manifest).toContain(`<Version>${packageVersion}.0</Version>`)
  })

  it('nomme des icônes que la construction produit', () => {
    expect(iconPaths(manifest, DEV_ORIGIN)).toEqual(
      ['icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-64.png', 'icons/icon-80.png'].sort()
    )
    for (const icon of iconPaths(manifest, DEV_ORIGIN)) {
      expect(ICON_SIZES.map(iconFileName)).toContain(icon)
    }
  })

  it('est lu par l’outil de Microsoft (office-addin-manifest, hors ligne)', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST_PATH)
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      defaultLocale: 'fr-FR',
      displayName: 'ACI-CPTS',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      version: `${packageVersion}.0`,
    })
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('les règles détectent un manifeste fautif', () => {
  const broken = (from: string, to: string) => {
    expect(manifest).toContain(from)
    return manifest.replace(from, to)
  }

  it.each([
    [
      'FunctionFile hors du runtime',
      '<FunctionFile resid="Taskpane.Url" />',
      '<FunctionFile resid="Functions.Script.Url" />',
      /FunctionFile doit avoir le resid du Runtime/,
    ],
    [
      'resid non défini',
      '<Label resid="AciGroup.Label" />',
      '<Label resid="Groupe.Absent" />',
      /resid Groupe.Absent \(Label\) non défini/,
    ],
    [
      'ressource définie deux fois',
      '<bt:String id="AciGroup.Label" DefaultValue="ACI-CPTS" />',
      '<bt:String id="AciGroup.Label" DefaultValue="ACI-CPTS" /><bt:String id="AciGroup.Label" DefaultValue="ACI" />',
      /ressource AciGroup.Label définie 2 fois/,
    ],
    [
      'URL en http',
      'https://localhost:8787/functions.json',
      'http://localhost:8787/functions.json',
      /URL non https/,
    ],
    [
      'autre espace de noms',
      'DefaultValue="ACI" />',
      'DefaultValue="ACIDEV" />',
      /espace de noms ACI/,
    ],
    ['Id qui n’est pas un GUID', '<Id>6617420d', '<Id>x6617420d', /Id : GUID attendu/],
    ['Version à trois nombres', '.0</Version>', '</Version>', /Version : quatre nombres/],
    ['langue anglaise', '<DefaultLocale>fr-FR', '<DefaultLocale>en-US', /DefaultLocale fr-FR/],
    [
      'icône de la mauvaise taille',
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:8787/icons/icon-80.png" />',
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:8787/icons/icon-64.png" />',
      /icône 80 px/,
    ],
  ])('%s', (_what, from, to, problem) => {
    expect(manifestProblems(broken(from, to), DEV_ORIGIN).join('\n')).toMatch(problem)
  })

  it('XML mal formé', () => {
    expect(() => parseManifest(manifest.replace('</Hosts>', '</Hots>'))).toThrow(/mal formé/)
  })
})

describe('origine du complément (ADDIN_ORIGIN)', () => {
  it('par défaut, l’origine de wrangler dev', () => {
    expect(addinOrigin(undefined)).toBe('https://localhost:8787')
    expect(addinOrigin('  ')).toBe('https://localhost:8787')
  })

  it.each([
    ['https://aci.example.org', 'https://aci.example.org'],
    ['https://aci.example.org/', 'https://aci.example.org'],
    ['https://example.org:8443', 'https://example.org:8443'],
    ['HTTPS://Aci.Example.org', 'https://aci.example.org'],
  ])('%s → %s', (value, origin) => {
    expect(addinOrigin(value)).toBe(origin)
  })

  it.each([
    'http://aci.example.org',
    'aci.example.org',
    'https://aci.example.org/?v=2',
    'https://aci.example.org/excel',
    'https://user@aci.example.org',
  ])('refuse %s', (value) => {
    expect(() => addinOrigin(value)).toThrow(/ADDIN_ORIGIN/)
  })

  it('réécrit toutes les URL et le manifeste reste conforme', () => {
    const origin = 'https://aci.example.org'
    const rewritten = rewriteOrigin(manifest, origin)
    expect(rewritten).not.toContain('localhost')
    expect(manifestProblems(rewritten, origin)).toEqual([])
    expect(rewritten).toContain('<AppDomain>https://aci.example.org</AppDomain>')
    expect(rewritten).toContain('"https://aci.example.org/functions.json"')
  })
})
