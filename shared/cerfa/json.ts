// The CERFA table as the API answers it: its rows with amounts as decimal strings, the totals, the balance, what was decided.
import type { CerfaLigne, CerfaTable, CerfaTotaux } from './table'

export interface CerfaJson {
  readonly formulaire: CerfaTable['formulaire']
  readonly titre: string
  readonly cpts: string
  readonly exercice: CerfaTable['exercice']
  readonly section: CerfaTable['section']
  readonly perimetre: string
  readonly lignes: readonly CerfaLigne[]
  /** Planned totals; `ecart` is produits − charges. With actuals (15059), `realise` holds the same totals of the actuals. */
  readonly totaux: CerfaTotaux & { readonly realise?: CerfaTotaux }
  readonly equilibre: CerfaTable['equilibre']
  readonly seuilEcart?: string
  readonly financeurs: CerfaTable['financeurs']
  readonly avertissements: readonly string[]
}

/** The answer of POST /api/v1/budgets/cerfa: the table as plain JSON, the same offline and online. */
export function cerfaJson(table: CerfaTable): CerfaJson {
  return {
    formulaire: table.formulaire,
    titre: table.titre,
    cpts: table.cpts,
    exercice: table.exercice,
    section: table.section,
    perimetre: table.perimetre,
    lignes: table.lignes,
    totaux:
      table.totauxRealises === undefined
        ? table.totaux
        : { ...table.totaux, realise: table.totauxRealises },
    equilibre: table.equilibre,
    ...(table.seuilEcart === undefined ? {} : { seuilEcart: table.seuilEcart }),
    financeurs: table.financeurs,
    avertissements: table.avertissements,
  }
}
