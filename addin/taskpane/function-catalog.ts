// What the task pane says about each ACI.* function: its syntax as French Excel shows it, its description, an example.
import type { FunctionMetadata, FunctionsJson } from './functions-metadata'

/** The namespace of the manifest (Functions.Namespace): Excel shows ACI.<name>. */
export const NAMESPACE = 'ACI'

/**
 * One formula per function, typed as in French Excel: `;` between arguments, `,` for decimals,
 * percentages as typed in a cell. The tests run each one through the functions.
 */
export const EXAMPLES: Readonly<Record<string, string>> = {
  FONCTIONNEMENT: '=ACI.FONCTIONNEMENT(2)',
  VARIABLE: '=ACI.VARIABLE("acces";2;75%)',
  FIXE: '=ACI.FIXE("crise";3;"mise à jour")',
  ENVELOPPE: '=ACI.ENVELOPPE("parcours";1;"aci-2019")',
  TAILLE: '=ACI.TAILLE(62000)',
  TOTAL: '=ACI.TOTAL(4)',
  BAREME: '=ACI.BAREME("aci-avenant-2")',
  MISSIONS: '=ACI.MISSIONS("2021-06-30")',
  VERSIONS: '=ACI.VERSIONS()',
  ECHEANCIER: '=ACI.ECHEANCIER("2022-04-15";3;"acces";"2022-10-15";80%)',
  PCA: '=ACI.PCA("2022-04-15";3;"acces";"2022-10-15";"2022-12-31")',
  PALIER: '=ACI.PALIER(75;90;5000;"baisse")',
  ATTEINTE: '=ACI.ATTEINTE("acces";3;21000)',
  PRODUITS_EXERCICE:
    '=ACI.PRODUITS_EXERCICE("2022-04-15";3;"acces";"2022-10-15";"2022-01-01";"2022-12-31")',
  PASS: '=ACI.PASS(2026)',
  RESTE_PASS: '=ACI.RESTE_PASS(2026;41500)',
}

export interface ParameterEntry {
  readonly name: string
  readonly description: string
  readonly optional: boolean
}

export interface FunctionEntry {
  readonly id: string
  /** ACI.VARIABLE(mission; taille; taux; [version]): optional arguments in brackets. */
  readonly syntax: string
  readonly description: string
  readonly parameters: readonly ParameterEntry[]
  readonly example: string | undefined
  /** The result spills over the neighbouring cells. */
  readonly spills: boolean
}

export function syntaxOf(fn: FunctionMetadata): string {
  const parameters = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
  return `${NAMESPACE}.${fn.name}(${parameters.join('; ')})`
}

export function functionEntries(metadata: FunctionsJson): FunctionEntry[] {
  return metadata.functions.map((fn) => ({
    id: fn.id,
    syntax: syntaxOf(fn),
    description: fn.description ?? '',
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      description: p.description ?? '',
      optional: p.optional === true,
    })),
    example: EXAMPLES[fn.id],
    spills: fn.result?.dimensionality === 'matrix',
  }))
}
