// The add-in as `npm run build` makes it, built into a temporary folder: every file Office fetches, and functions.js run in a bare runtime.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FunctionsJson } from '../../addin/taskpane/functions-metadata'
import { generateFunctionsMetadata } from '../../addin/vite-plugins/custom-functions'
import { ICON_SIZES, iconFileName } from '../../addin/vite-plugins/icons'
import * as core from '../../shared'
import { customFunctionsStub, StubExcelError } from './support/custom-functions'
import { manifestProblems } from './support/manifest-rules'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ORIGIN = 'https://aci.example.org'
let outDir: string

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'aci-addin-'))
  const previous = process.env.ADDIN_ORIGIN
  process.env.ADDIN_ORIGIN = ORIGIN
  try {
    await build({
      configFile: path.join(ROOT, 'addin/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir },
    })
  } finally {
    if (previous === undefined) delete process.env.ADDIN_ORIGIN
    else process.env.ADDIN_ORIGIN = previous
  }
}, 120_000)

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true })
})

const read = (file: string) => readFileSync(path.join(outDir, file))
const readText = (file: string) => readFileSync(path.join(outDir, file), 'utf8')

interface OfficeStub {
  readonly ready: ((info: { host: string | null }) => void)[]
  readonly startupBehaviours: unknown[]
}

/**
 * A context holding only what Excel's JavaScript-only runtime gives: CustomFunctions, Office,
 * OfficeRuntime (plus `extra`), and the ECMAScript built-ins; no window, document, URL, fetch.
 */
function bareRuntime(extra: Record<string, unknown> = {}) {
  const customFunctions = customFunctionsStub()
  const office: OfficeStub = { ready: [], startupBehaviours: [] }
  const context = vm.createContext({
    CustomFunctions: customFunctions,
    Office: {
      HostType: { Excel: 'Excel', Word: 'Word' },
      StartupBehavior: { load: 'Load', none: 'None' },
      context: { requirements: { isSetSupported: () => true } },
      addin: {
        setStartupBehavior: (behaviour: unknown) => {
          office.startupBehaviours.push(behaviour)
          return Promise.resolve()
        },
      },
      onReady: (callback: (info: { host: string | null }) => void) => {
        office.ready.push(callback)
        return Promise.resolve({ host: null, platform: null })
      },
    },
    OfficeRuntime: { storage: {} },
    console,
    ...extra,
  })
  vm.runInContext(readText('functions.js'), context, { filename: 'functions.js' })
  return { customFunctions, office, context }
}

describe('addin/dist', () => {
  it('contient tout ce que le manifeste et la page demandent', () => {
    for (const file of [
      'taskpane.html',
      'functions.js',
      'functions.json',
      'manifest.xml',
      ...ICON_SIZES.map(iconFileName),
    ]) {
      expect(read(file).length, file).toBeGreaterThan(0)
    }
  })

  it('functions.json est la sortie du générateur de Microsoft', async () => {
    const generated = await generateFunctionsMetadata(
      path.join(ROOT, 'addin/functions/functions.ts')
    )
    expect(JSON.parse(readText('functions.json'))).toEqual(JSON.parse(generated.json))
  })

  it('taskpane.html charge office.js du CDN dans <head>, puis functions.js, puis le script de la page', () => {
    const html = readText('taskpane.html')
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'))
    const scripts = [...head.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '')
    expect(scripts[0]).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"')
    const functions = scripts.findIndex((s) => /src="(\.\/)?functions\.js"/.test(s))
    expect(functions).toBeGreaterThan(0)
    expect(scripts[functions]).not.toContain('type="module"')
    // The page's module runs after parsing, hence after the classic functions.js.
    const page = scripts.filter((s) => /type="module"/.test(s))
    expect(page).toHaveLength(1)
    expect(page[0]).toMatch(/src="\.\/assets\/[^"]+\.js"/)
    expect(html).toMatch(/<html lang="fr">/)
  })

  it('manifest.xml pointe vers ADDIN_ORIGIN et reste conforme ; celui du dépôt ne change pas', () => {
    const built = readText('manifest.xml')
    expect(built).not.toContain('localhost')
    expect(manifestProblems(built, ORIGIN)).toEqual([])
    expect(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')).toContain(
      'https://localhost:8787/'
    )
  })

  it.each(ICON_SIZES)('icône PNG %i × %i', (size) => {
    const png = read(iconFileName(size))
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    )
    expect(png.toString('latin1', 12, 16)).toBe('IHDR')
    expect(png.readUInt32BE(16)).toBe(size)
    expect(png.readUInt32BE(20)).toBe(size)
    expect(png[25]).toBe(6) // RGBA
  })
})

describe('functions.js dans un runtime nu', () => {
  it('se charge sans DOM ni module et associe chaque fonction de functions.json', () => {
    const { customFunctions } = bareRuntime()
    const ids = (JSON.parse(readText('functions.json')) as FunctionsJson).functions.map((f) => f.id)
    expect(customFunctions.associated.map(([id]) => id)).toEqual(ids)
    for (const [, fn] of customFunctions.associated) expect(typeof fn).toBe('function')
  })

  it('les fonctions enregistrées calculent comme le cœur et rendent des erreurs Excel', () => {
    // The shared core, when it first loads its rate tables, checks each source URL (valibot's
    // url(), built on URL) and hashes the table (@noble/hashes' utf8ToBytes, built on
    // TextEncoder): two web APIs every browser runtime has, given here as the shared runtime does.
    const { customFunctions } = bareRuntime({ URL, TextEncoder })
    const registered = new Map(customFunctions.associated) as Map<
      string,
      (...args: unknown[]) => unknown
    >
    const call = (id: string, ...args: unknown[]) =>
      (registered.get(id) as (...a: unknown[]) => unknown)(...args)
    expect(call('FONCTIONNEMENT', 1, 'aci-2019')).toBe(50_000)
    expect(call('VARIABLE', 'acces', 2, 0.75, 'aci-avenant-2')).toBe(
      core.toExcelNumber(core.variable('acces', 2, 0.75, 'aci-avenant-2'))
    )
    expect(call('TOTAL', 3, [['acces'], ['parcours'], [null]], 'aci-2019')).toBe(
      core.toExcelNumber(core.total(3, ['acces', 'parcours'], 'aci-2019'))
    )
    expect(call('TAILLE', 80_000)).toBe(3)
    expect((call('BAREME', 'aci-2019') as unknown[][]).length).toBe(
      core.gridRows(core.bundledCatalog().byVersionId('aci-2019')).length + 1
    )
    let thrown: unknown
    try {
      call('VARIABLE', 'acces', 2, 1.2, 'aci-2019')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(StubExcelError)
    expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^taux : /) })
  })

  it('sans aucune autre API que celles d’Office, un appel rend un nombre ou une erreur Excel, jamais une exception', () => {
    const { customFunctions } = bareRuntime()
    for (const [id, fn] of customFunctions.associated) {
      let outcome: unknown
      try {
        outcome = (fn as (...args: unknown[]) => unknown)('acces', 2, 0.5, 'aci-2019')
      } catch (error) {
        outcome = error
      }
      const ok =
        typeof outcome === 'number' || Array.isArray(outcome) || outcome instanceof StubExcelError
      expect(ok, `${id} : ${String(outcome)}`).toBe(true)
    }
  })

  it('demande le chargement à l’ouverture des classeurs dans Excel, et rien ailleurs', () => {
    const inExcel = bareRuntime()
    expect(inExcel.office.ready).toHaveLength(1)
    inExcel.office.ready[0]?.({ host: 'Excel' })
    expect(inExcel.office.startupBehaviours).toEqual(['Load'])

    const outside = bareRuntime()
    outside.office.ready[0]?.({ host: null })
    expect(outside.office.startupBehaviours).toEqual([])
  })

  it('ne touche pas à CustomFunctions.Error au chargement (absent hors d’Office)', () => {
    const associated: string[] = []
    const context = vm.createContext({
      CustomFunctions: { associate: (id: string) => associated.push(id) },
    })
    vm.runInContext(readText('functions.js'), context)
    expect(associated).toHaveLength(16)
  })
})
