// The budget table of the CERFA n° 12156*06 (and the report of the CERFA n° 15059) from a checked budget: each line's amount in its chapter's row.
import {
  AciError,
  type AmountString,
  type Budget,
  type BudgetDocument,
  type BudgetLigne,
  chartOf,
  type Financeur,
  isBudget,
  parseBudget,
  prepareActual,
  prepareLine,
  SECTIONS,
  type Section,
  sectionLabel,
} from '../index'
import { amountOf, centsFrom } from './cents'
import {
  chapterOf,
  FINANCEURS_74,
  type FinanceursMapping,
  isListedChapter,
  natureRow,
  row74,
} from './classify'
import {
  CERFA_ROWS,
  type CerfaRowDef,
  type Cote,
  LIGNES_74,
  REGLE_EQUILIBRE,
  unlistedChapter,
} from './rows'

/** The two forms: the subsidy request's budget, and the financial report on a grant. */
export const FORMULAIRES = ['12156', '15059'] as const
export type Formulaire = (typeof FORMULAIRES)[number]

export const FORMULAIRE_TITRES: Readonly<Record<Formulaire, string>> = {
  '12156': 'CERFA n° 12156*06 — Budget prévisionnel',
  '15059': 'CERFA n° 15059 — Compte rendu financier',
}

/**
 * The share of the planned amount above which the CERFA 15059 asks to explain a gap, in percent.
 * A setting: the notes give no threshold, so the default is ours and the answer states it.
 */
export const SEUIL_ECART_DEFAUT = '20'

export interface CerfaOptions {
  /** One project (a mission, or `hors_aci`): each line counts for its share in that section only. Absent: the whole association. */
  readonly section?: Section
  /** 15059: a gap above this share of the planned amount (percent, « 20 » for 20 %) is to be explained. */
  readonly seuilEcart?: string
  /** Where a funder's lines go in chapter 74, over the default FINANCEURS_74. */
  readonly financeurs?: Partial<FinanceursMapping>
}

export interface CerfaLigne {
  /** Unique key of the row: the chapter (« 60 »), or the chapter and its detail (« 74.region »). */
  readonly code: string
  readonly chapitre: string
  readonly libelle: string
  readonly cote: Cote
  readonly niveau: 'chapitre' | 'detail'
  readonly source: CerfaRowDef['source']
  /** The planned amount (12156), or the planned one beside the actual (15059). */
  readonly montant: AmountString
  /** 15059: the actual amount. */
  readonly realise?: AmountString
  /** 15059: actual − planned (positive when more was spent or received than planned). */
  readonly ecart?: AmountString
  /** 15059: the gap is above the threshold, and the form asks to explain it. */
  readonly aExpliquer?: boolean
  /** 15059: the explanation the form asks for, left for the treasurer to write. */
  readonly explication?: string
  /** The accounts whose amounts landed in this row. */
  readonly comptes: readonly string[]
  /** Some of the amount was placed by the words of a line's label (chapter 74, local authorities). */
  readonly parLibelle: boolean
}

export interface CerfaTotaux {
  readonly charges: AmountString
  readonly produits: AmountString
  /** Produits − charges: zero when the table balances as the form requires. */
  readonly ecart: AmountString
  readonly emplois: AmountString
  readonly contributions: AmountString
}

export interface CerfaTable {
  readonly formulaire: Formulaire
  readonly titre: string
  readonly cpts: string
  readonly exercice: { readonly debut: string; readonly fin: string }
  /** The project, or null for the whole association. */
  readonly section: Section | null
  /** « Association » or the section's label. */
  readonly perimetre: string
  readonly lignes: readonly CerfaLigne[]
  /** Planned totals (the budget's). */
  readonly totaux: CerfaTotaux
  /** 15059: actual totals. */
  readonly totauxRealises?: CerfaTotaux
  /** The form's balance rule on the planned table: the surplus or the shortfall, one of them null. */
  readonly equilibre: {
    readonly regle: string
    readonly equilibre: boolean
    readonly excedent: AmountString | null
    readonly insuffisance: AmountString | null
  }
  /** 15059: the threshold applied, in percent. */
  readonly seuilEcart?: string
  /** Where each funder's lines went in chapter 74. */
  readonly financeurs: FinanceursMapping
  /** What the table had to decide for the treasurer: lines placed by their label, rows off the form, lines outside the project. */
  readonly avertissements: readonly string[]
}

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/

function invalid(argument: string, message: string): AciError {
  return new AciError('cerfa_invalide', `${argument} : ${message}`, argument)
}

/** "20" → 200000n (ten-thousandths of a percent), checked from 0 to 100. */
function readSeuil(text: string): bigint {
  if (!PERCENT.test(text)) {
    throw invalid('seuilEcart', 'pourcentage attendu, de 0 à 100, au plus quatre décimales.')
  }
  const [whole = '0', fraction = ''] = text.split('.')
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0') || '0')
  if (value > 1_000_000n) {
    throw invalid('seuilEcart', 'pourcentage attendu, de 0 à 100, au plus quatre décimales.')
  }
  return value
}

const abs = (n: bigint) => (n < 0n ? -n : n)

/** The gap is to be explained: above the threshold's share of the planned amount, or anything against nothing planned. */
function toExplain(planned: bigint, actual: bigint, seuil: bigint): boolean {
  const gap = abs(actual - planned)
  if (gap === 0n) return false
  if (planned === 0n) return true
  return gap * 1_000_000n > seuil * abs(planned)
}

class Row {
  planned = 0n
  actual = 0n
  readonly comptes = new Set<string>()
  parLibelle = false
  constructor(readonly def: CerfaRowDef) {}
}

const ORDER: Record<Cote, number> = { charges: 0, produits: 1, emplois: 2, contributions: 3 }

/** The form's rows first, in their order; a chapter off the form after the listed ones of its column, by number. */
function rowOrder(a: CerfaRowDef, b: CerfaRowDef): number {
  if (a.cote !== b.cote) return ORDER[a.cote] - ORDER[b.cote]
  if (a.chapitre !== b.chapitre) return a.chapitre < b.chapitre ? -1 : 1
  if (a.niveau !== b.niveau) return a.niveau === 'chapitre' ? -1 : 1
  const ia = CERFA_ROWS.indexOf(a)
  const ib = CERFA_ROWS.indexOf(b)
  return ia - ib
}

const quoted = (ligne: BudgetLigne) => `« ${ligne.libelle} » (compte ${ligne.compte})`

/**
 * The CERFA table of a budget: each line's amount (the whole of it for the association, its share
 * for a project) in the row of its account's chapter, chapter 74 broken down by funder, the
 * contributions in kind (86, 87) below the line. Every cent of the budget lands in exactly one
 * chapter row; the detail rows of a chapter add up to it. For the 15059, each line's actual
 * (split like the check splits it) beside its planned amount, a line without actual counting as
 * nothing spent. Give it the Budget parseBudget returned; a document is parsed first.
 */
export function cerfaTable(
  budget: Budget | BudgetDocument,
  formulaire: Formulaire,
  options: CerfaOptions = {}
): CerfaTable {
  const doc: Budget = isBudget(budget) ? budget : parseBudget(budget)
  const section = options.section ?? null
  const s = section === null ? -1 : SECTIONS.indexOf(section)
  if (section !== null && s < 0) {
    throw invalid('section', `section attendue : ${SECTIONS.join(', ')}.`)
  }
  const withActuals = formulaire === '15059'
  if (withActuals && !doc.lignes.some((l) => l.realise !== undefined)) {
    throw invalid(
      'formulaire',
      'le compte rendu financier (CERFA n° 15059) compare le prévu au réalisé, et aucune ligne du budget n’a de montant réalisé.'
    )
  }
  const seuilText = options.seuilEcart ?? SEUIL_ECART_DEFAUT
  const seuil = withActuals ? readSeuil(seuilText) : 0n
  const mapping: FinanceursMapping = { ...FINANCEURS_74, ...options.financeurs }
  for (const [financeur, target] of Object.entries(mapping)) {
    if (target !== 'selon_libelle' && !(LIGNES_74 as readonly string[]).includes(target)) {
      throw invalid(
        `financeurs.${financeur}`,
        `ligne du chapitre 74 attendue : ${LIGNES_74.join(', ')} ou selon_libelle.`
      )
    }
  }

  const rows = new Map<string, Row>()
  for (const def of CERFA_ROWS) rows.set(def.code, new Row(def))
  const rowFor = (code: string): Row => {
    let row = rows.get(code)
    if (row === undefined) {
      row = new Row(unlistedChapter(code))
      rows.set(code, row)
    }
    return row
  }
  const avertissements: string[] = []
  const offForm = new Set<string>()
  let unsplit = 0
  const chart = chartOf(doc.profil)

  const lignes = doc.lignes
  for (let i = 0; i < lignes.length; i++) {
    const ligne = lignes[i] as BudgetLigne
    const line = prepareLine(ligne, i, chart)
    const actual = withActuals ? prepareActual(line, i) : undefined
    const planned = BigInt(s < 0 ? line.cents : (line.parts?.[s] ?? 0))
    const done = actual === undefined ? 0n : BigInt(s < 0 ? actual.cents : (actual.parts?.[s] ?? 0))
    if (s >= 0 && line.parts === undefined && actual?.parts === undefined) unsplit += 1
    if (planned === 0n && done === 0n) continue
    const financeur: Financeur | undefined = ligne.financeur
    const codes: string[] = []
    if (line.nature === 'emploi' || line.nature === 'contribution') {
      codes.push(ligne.compte.slice(0, 2), natureRow(ligne.compte))
    } else {
      const chapitre = chapterOf(ligne.compte, financeur)
      codes.push(chapitre)
      if (chapitre === '70' && ligne.compte.startsWith('74')) {
        avertissements.push(
          `Ligne ${quoted(ligne)} : financement ACI présenté en 70 et non en 74, l’ACI rémunérant des missions contractuelles et n’étant pas une subvention (CNCC).`
        )
      }
      if (chapitre === '74') {
        const { row, parLibelle } = row74(ligne.libelle, financeur, mapping)
        codes.push(`74.${row}`)
        if (parLibelle) rowFor(`74.${row}`).parLibelle = true
        if (row === 'a_preciser') {
          avertissements.push(
            financeur === 'collectivite'
              ? `Ligne ${quoted(ligne)} : collectivité territoriale dont le libellé ne dit pas le niveau (région, département, intercommunalité ou commune) ; montant porté en « Financeur à préciser ».`
              : `Ligne ${quoted(ligne)} : financeur non précisé ; montant porté en « Financeur à préciser ».`
          )
        } else if (parLibelle) {
          avertissements.push(
            `Ligne ${quoted(ligne)} : portée en « ${rowFor(`74.${row}`).def.libelle} » d’après son libellé.`
          )
        }
      }
      if (!isListedChapter(chapitre) || !rowFor(chapitre).def.imprimee) offForm.add(chapitre)
    }
    for (const code of codes) {
      const row = rowFor(code)
      row.planned += planned
      row.actual += done
      row.comptes.add(ligne.compte)
      if (!row.def.imprimee && row.def.niveau === 'detail') offForm.add(code)
    }
  }
  for (const code of [...offForm].sort()) {
    const def = rowFor(code).def
    avertissements.push(
      `Chapitre ${def.chapitre} (${def.libelle}) : le formulaire n’a pas de ligne pour ces comptes ; leur montant est porté sur une ligne à part, à rattacher avec le financeur.`
    )
  }
  if (unsplit > 0 && section !== null) {
    avertissements.push(
      `${unsplit} ligne${unsplit > 1 ? 's' : ''} sans répartition par section ne compte${unsplit > 1 ? 'nt' : ''} pour aucun projet : le tableau de la section ${sectionLabel(section)} n’en prend rien.`
    )
  }

  const shown = [...rows.values()]
    .filter((r) => r.def.imprimee || r.planned !== 0n || r.actual !== 0n)
    .sort((a, b) => rowOrder(a.def, b.def))
  const sumOf = (cote: Cote, pick: (r: Row) => bigint) =>
    shown
      .filter((r) => r.def.cote === cote && r.def.niveau === 'chapitre')
      .reduce((t, r) => t + pick(r), 0n)
  const totauxOf = (pick: (r: Row) => bigint): CerfaTotaux => {
    const charges = sumOf('charges', pick)
    const produits = sumOf('produits', pick)
    return {
      charges: amountOf(charges),
      produits: amountOf(produits),
      ecart: amountOf(produits - charges),
      emplois: amountOf(sumOf('emplois', pick)),
      contributions: amountOf(sumOf('contributions', pick)),
    }
  }
  const totaux = totauxOf((r) => r.planned)
  const balance = centsFrom(totaux.ecart)
  if (totaux.emplois !== totaux.contributions) {
    avertissements.push(
      `Contributions volontaires en nature déséquilibrées : emplois (86) ${totaux.emplois} €, contributions (87) ${totaux.contributions} € ; les deux totaux doivent être égaux.`
    )
  }

  return {
    formulaire,
    titre: FORMULAIRE_TITRES[formulaire],
    cpts: doc.profil.nom,
    exercice: { debut: doc.profil.exercice.debut, fin: doc.profil.exercice.fin },
    section,
    perimetre: section === null ? 'Association' : sectionLabel(section),
    lignes: shown.map((r): CerfaLigne => {
      const base = {
        code: r.def.code,
        chapitre: r.def.chapitre,
        libelle: r.def.libelle,
        cote: r.def.cote,
        niveau: r.def.niveau,
        source: r.def.source,
        montant: amountOf(r.planned),
      }
      const tail = { comptes: [...r.comptes].sort(), parLibelle: r.parLibelle }
      if (!withActuals) return { ...base, ...tail }
      return {
        ...base,
        realise: amountOf(r.actual),
        ecart: amountOf(r.actual - r.planned),
        aExpliquer: toExplain(r.planned, r.actual, seuil),
        explication: '',
        ...tail,
      }
    }),
    totaux,
    ...(withActuals ? { totauxRealises: totauxOf((r) => r.actual), seuilEcart: seuilText } : {}),
    equilibre: {
      regle: REGLE_EQUILIBRE,
      equilibre: balance === 0n,
      excedent: balance > 0n ? amountOf(balance) : null,
      insuffisance: balance < 0n ? amountOf(-balance) : null,
    },
    financeurs: mapping,
    avertissements,
  }
}
