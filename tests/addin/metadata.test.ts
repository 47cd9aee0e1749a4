// functions.json as Microsoft's generator makes it from the JSDoc: every function, its parameters in order, the optional ones, French text, spilling results.
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as aci from '../../addin/functions/functions'
import type { FunctionsJson } from '../../addin/taskpane/functions-metadata'
import { generateFunctionsMetadata } from '../../addin/vite-plugins/custom-functions'

const ENTRY = path.resolve(import.meta.dirname, '../../addin/functions/functions.ts')

/** The signatures: parameter names in order, `?` for optional, `[]` for a range argument. */
const SIGNATURES: Record<string, { parameters: string[]; spills: boolean }> = {
  FONCTIONNEMENT: { parameters: ['taille', 'version?'], spills: false },
  VARIABLE: { parameters: ['mission', 'taille', 'taux', 'version?'], spills: false },
  FIXE: { parameters: ['mission', 'taille', 'phase?', 'version?'], spills: false },
  ENVELOPPE: { parameters: ['mission', 'taille', 'version?'], spills: false },
  TAILLE: { parameters: ['population'], spills: false },
  TOTAL: { parameters: ['taille', 'missions[]?', 'version?'], spills: false },
  BAREME: { parameters: ['version?'], spills: true },
  MISSIONS: { parameters: ['version?'], spills: true },
  VERSIONS: { parameters: [], spills: true },
  ECHEANCIER: {
    parameters: [
      'signature',
      'taille[]',
      'missions[]',
      'debuts[]',
      'taux[]?',
      'prorata?',
      'version?',
    ],
    spills: true,
  },
  PCA: {
    parameters: [
      'signature',
      'taille[]',
      'missions[]',
      'debuts[]',
      'cloture',
      'taux[]?',
      'prorata?',
      'version?',
    ],
    spills: false,
  },
  PALIER: { parameters: ['valeur', 'seuils[]', 'montants[]', 'sens?'], spills: false },
  ATTEINTE: {
    parameters: ['mission', 'taille', 'montants[]', 'crise?', 'version?'],
    spills: false,
  },
  PRODUITS_EXERCICE: {
    parameters: [
      'signature',
      'taille[]',
      'missions[]',
      'debuts[]',
      'debut',
      'fin',
      'taux[]?',
      'prorata?',
      'version?',
    ],
    spills: false,
  },
  PASS: { parameters: ['annee'], spills: false },
  RESTE_PASS: { parameters: ['annee', 'verse?'], spills: false },
}

/** French prose: French function words present, English ones absent. */
function looksFrench(text: string): boolean {
  return (
    /\b(de|du|des|la|le|les|un|une|ou|en|et|d’|l’)\b/i.test(text) &&
    !/\b(the|of|and|or|with|returns?)\b/i.test(text)
  )
}

let metadata: FunctionsJson
let associations: readonly { id: string; functionName: string }[]

beforeAll(async () => {
  const generated = await generateFunctionsMetadata(ENTRY)
  metadata = JSON.parse(generated.json) as FunctionsJson
  associations = generated.associations
})

describe('functions.json', () => {
  it('déclare exactement les fonctions ACI attendues, nom = identifiant', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SIGNATURES).sort())
    for (const fn of metadata.functions) expect(fn.name).toBe(fn.id)
  })

  it.each(Object.entries(SIGNATURES))('%s : paramètres, facultatifs, dimension', (id, expected) => {
    const fn = metadata.functions.find((f) => f.id === id)
    expect(fn).toBeDefined()
    const shown = fn?.parameters.map(
      (p) => `${p.name}${p.dimensionality === 'matrix' ? '[]' : ''}${p.optional ? '?' : ''}`
    )
    expect(shown).toEqual(expected.parameters)
    // type "any": Excel hands over the cell as it is, and the core explains what is wrong.
    for (const p of fn?.parameters ?? []) expect(p.type).toBe('any')
    if (expected.spills) {
      expect(fn?.result).toEqual({ dimensionality: 'matrix' })
    } else {
      expect(fn?.result).toEqual({ type: 'number' })
    }
    // Neither volatile nor streaming: Excel recalculates these only when their inputs change.
    expect(fn).not.toHaveProperty('options')
  })

  it('décrit chaque fonction et chaque paramètre en français', () => {
    for (const fn of metadata.functions) {
      expect(looksFrench(fn.description ?? ''), `${fn.id} : ${fn.description}`).toBe(true)
      for (const p of fn.parameters) {
        const description = p.description ?? ''
        expect(description.length, `${fn.id}.${p.name}`).toBeGreaterThan(10)
        expect(description.length, `${fn.id}.${p.name}`).toBeLessThanOrEqual(255)
        expect(looksFrench(description), `${fn.id}.${p.name} : ${description}`).toBe(true)
      }
    }
  })

  it('associe chaque identifiant à une fonction exportée du module', () => {
    expect(associations.map((a) => a.id).sort()).toEqual(Object.keys(SIGNATURES).sort())
    const exported = aci as Record<string, unknown>
    for (const { functionName } of associations) {
      expect(typeof exported[functionName], functionName).toBe('function')
    }
  })
})
