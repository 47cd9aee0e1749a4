// The task pane's list of functions: the syntax shown is the metadata's, and every example, typed as in French Excel, computes.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import { EXAMPLES, functionEntries } from '../../addin/taskpane/function-catalog'
import type { FunctionsJson } from '../../addin/taskpane/functions-metadata'
import { generateFunctionsMetadata } from '../../addin/vite-plugins/custom-functions'
import { installCustomFunctions, removeCustomFunctions } from './support/custom-functions'

let metadata: FunctionsJson
let byId: Map<string, (...args: unknown[]) => unknown>

beforeAll(async () => {
  installCustomFunctions()
  const generated = await generateFunctionsMetadata(
    path.resolve(import.meta.dirname, '../../addin/functions/functions.ts')
  )
  metadata = JSON.parse(generated.json) as FunctionsJson
  const exported = aci as Record<string, unknown>
  byId = new Map(
    generated.associations.map((a) => [
      a.id,
      exported[a.functionName] as (...args: unknown[]) => unknown,
    ])
  )
})
afterAll(() => {
  removeCustomFunctions()
})

/** One argument as French Excel reads it: "text", 75%, 0,75, 62000, or nothing. */
function argument(text: string): unknown {
  const t = text.trim()
  if (t === '') return null
  const quoted = /^"(.*)"$/.exec(t)
  if (quoted) return quoted[1]
  const percent = /^(-?\d+(?:,\d+)?)%$/.exec(t)
  if (percent) return Number((percent[1] as string).replace(',', '.')) / 100
  if (/^-?\d+(?:,\d+)?$/.test(t)) return Number(t.replace(',', '.'))
  throw new Error(`argument non reconnu : ${t}`)
}

/** Splits `=ACI.NAME(a;b;c)` on the semicolons outside quotes. */
function parseFormula(formula: string): { id: string; args: unknown[] } {
  const match = /^=ACI\.([A-Z_]+)\((.*)\)$/.exec(formula)
  if (!match) throw new Error(`formule non reconnue : ${formula}`)
  const body = match[2] as string
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const char of body) {
    if (char === '"') quoted = !quoted
    if (char === ';' && !quoted) {
      parts.push(current)
      current = ''
    } else current += char
  }
  if (body !== '') parts.push(current)
  return { id: match[1] as string, args: parts.map(argument) }
}

describe('volet : liste des fonctions', () => {
  it('montre la syntaxe de chaque fonction, arguments facultatifs entre crochets', () => {
    const syntax = Object.fromEntries(functionEntries(metadata).map((e) => [e.id, e.syntax]))
    expect(syntax).toEqual({
      FONCTIONNEMENT: 'ACI.FONCTIONNEMENT(taille; [version])',
      VARIABLE: 'ACI.VARIABLE(mission; taille; taux; [version])',
      FIXE: 'ACI.FIXE(mission; taille; [phase]; [version])',
      ENVELOPPE: 'ACI.ENVELOPPE(mission; taille; [version])',
      TAILLE: 'ACI.TAILLE(population)',
      TOTAL: 'ACI.TOTAL(taille; [missions]; [version])',
      BAREME: 'ACI.BAREME([version])',
      MISSIONS: 'ACI.MISSIONS([version])',
      VERSIONS: 'ACI.VERSIONS()',
      ECHEANCIER:
        'ACI.ECHEANCIER(signature; taille; missions; debuts; [taux]; [prorata]; [version])',
      PCA: 'ACI.PCA(signature; taille; missions; debuts; cloture; [taux]; [prorata]; [version])',
      PALIER: 'ACI.PALIER(valeur; seuils; montants; [sens])',
      ATTEINTE: 'ACI.ATTEINTE(mission; taille; montants; [crise]; [version])',
      PRODUITS_EXERCICE:
        'ACI.PRODUITS_EXERCICE(signature; taille; missions; debuts; debut; fin; [taux]; [prorata]; [version])',
      PASS: 'ACI.PASS(annee)',
      RESTE_PASS: 'ACI.RESTE_PASS(annee; [verse])',
    })
    const spilling = functionEntries(metadata).filter((e) => e.spills)
    expect(spilling.map((e) => e.id)).toEqual(['BAREME', 'MISSIONS', 'VERSIONS', 'ECHEANCIER'])
  })

  it('a un exemple pour chaque fonction, et aucun pour une fonction qui n’existe pas', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(metadata.functions.map((f) => f.id).sort())
  })

  it.each(Object.entries(EXAMPLES))('l’exemple de %s calcule : %s', (id, formula) => {
    const { id: called, args } = parseFormula(formula)
    expect(called).toBe(id)
    const fn = byId.get(id)
    expect(fn).toBeDefined()
    const result = fn?.(...args)
    if (Array.isArray(result)) expect(result.length).toBeGreaterThan(1)
    else expect(typeof result).toBe('number')
  })

  it('l’exemple de ACI.VARIABLE donne 75 % du volet variable', () => {
    const { args } = parseFormula(EXAMPLES.VARIABLE as string)
    expect(args).toEqual(['acces', 2, 0.75])
    expect(aci.variable(...(args as [unknown, unknown, unknown]))).toBe(
      Math.round(aci.variable('acces', 2, 1) * 75) / 100
    )
  })
})
