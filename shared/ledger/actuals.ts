// The budget's actuals (réalisé) from the books: each charge and produit of the FEC to a budget line and to sections by the mapping rules, what no rule maps kept as « non affecté ».
import {
  type BudgetDocument,
  type BudgetLigne,
  type BudgetOptions,
  centsToString,
  type Nature,
  natureOf,
  parseBudget,
  SECTIONS,
  type Section,
} from '../budget'
import { normalizeWords } from '../text'
import { columnsOf } from './columns'
import type { Ledger, LedgerLine } from './fec'
import { Affectation, type MappingRulesDocument } from './rules'

/** The amount of a line in the budget's sense: spent for a charge (6, 86), received for a produit (7, 87). */
export function amountOf(line: LedgerLine, nature: Nature): number {
  return nature === 'charge' || nature === 'emploi'
    ? line.debit - line.credit
    : line.credit - line.debit
}

/** A budget account for a FEC account: trailing zeros dropped down to the chart's 8 digits at most. */
export function budgetAccountOf(compte: string): string {
  let account = compte
  while (account.length > 8 && account.endsWith('0')) account = account.slice(0, -1)
  return account.slice(0, 8)
}

export interface UnmappedAccount {
  readonly compte: string
  readonly libelle: string
  readonly nature: Nature
  /** Cents not mapped to any section. */
  readonly montant: number
  /** Number of FEC lines concerned. */
  readonly lignes: number
}

export interface BudgetLineActual {
  /** Index of the line in the returned budget. */
  readonly index: number
  readonly compte: string
  readonly libelle: string
  readonly nature: Nature
  /** Added because no budget line had its account (unbudgeted spending or income). */
  readonly nouvelle: boolean
  readonly realise: number
  /** Cents per section (SECTIONS order). */
  readonly parSection: readonly number[]
  readonly nonAffecte: number
  /** The FEC accounts summed on this line. */
  readonly comptesFec: readonly string[]
}

export interface LedgerActuals {
  /** The budget with each line's `realise` and `repartitionRealise` from the books, checked by parseBudget. */
  readonly budget: ReturnType<typeof parseBudget>
  readonly lignes: readonly BudgetLineActual[]
  /** Per section, charges and produits in cents. */
  readonly parSection: readonly {
    readonly section: Section
    readonly charges: number
    readonly produits: number
  }[]
  readonly nonAffecte: {
    readonly charges: number
    readonly produits: number
    readonly comptes: readonly UnmappedAccount[]
  }
  readonly totaux: { readonly charges: number; readonly produits: number }
  readonly remarques: readonly string[]
}

interface Target {
  index: number
  compte: string
  libelle: string
  nature: Nature
  nouvelle: boolean
  parSection: number[]
  nonAffecte: number
  comptesFec: Set<string>
}

/**
 * Fills a budget's actuals from the books. Every line of the FEC on a charge (6, 86) or produit
 * (7, 87) account goes:
 * - to the budget line whose account is the longest prefix of its own (6226 takes 6226100), the
 *   one whose label is the FEC's account label when several lines share that account (else the
 *   first, and a remark says so); to a new line with `montant` 0.00 when no budget line has its
 *   account — unbudgeted spending, which the check then shows;
 * - to sections by the mapping rules (see Affectation); what no rule maps stays unallocated on its
 *   line (the check's `nonReparti`) and is listed here as « non affecté », never dropped.
 * Each budget line's `realise` becomes the books' total for it (0.00 for a line the books do not
 * touch: the FEC is the year's whole record) and its `repartitionRealise` the mapped amounts;
 * a line whose actual nothing maps gets a single zero part, so that the check does not spread it
 * by the planned split (which would hide that it is unmapped).
 * Balance-sheet accounts (classes 1 to 5) are not actuals and are left out.
 */
export function actualsFromLedger(
  ledger: Ledger,
  rules: MappingRulesDocument,
  budget: BudgetDocument,
  options: BudgetOptions = {}
): LedgerActuals {
  const affectation = new Affectation(rules)
  const remarques: string[] = []
  const targets: Target[] = budget.lignes.map((l, index) => ({
    index,
    compte: l.compte,
    libelle: l.libelle,
    nature: natureOf(l.compte) as Nature,
    nouvelle: false,
    parSection: new Array<number>(SECTIONS.length).fill(0),
    nonAffecte: 0,
    comptesFec: new Set<string>(),
  }))
  const byAccount = new Map<string, Target>()
  const unmapped = new Map<string, UnmappedAccount & { montant: number; lignes: number }>()
  const sectionCharges = new Array<number>(SECTIONS.length).fill(0)
  const sectionProduits = new Array<number>(SECTIONS.length).fill(0)
  let charges = 0
  let produits = 0
  let nonCharges = 0
  let nonProduits = 0

  const targetOf = (line: LedgerLine, nature: Nature): Target => {
    const known = byAccount.get(line.compte)
    if (known !== undefined) return known
    let best: Target[] = []
    let bestLength = 0
    for (const t of targets) {
      if (t.nouvelle || !line.compte.startsWith(t.compte) || natureOf(t.compte) !== nature) continue
      if (t.compte.length > bestLength) {
        best = [t]
        bestLength = t.compte.length
      } else if (t.compte.length === bestLength) best.push(t)
    }
    let target: Target | undefined
    if (best.length > 1) {
      const label = normalizeWords(line.compteLib)
      target = best.find((t) => normalizeWords(t.libelle) === label) ?? best[0]
      if (target !== undefined && normalizeWords(target.libelle) !== label) {
        remarques.push(
          `Le compte ${line.compte} du FEC va sur la ligne « ${target.libelle} » (${target.compte}) : ${best.length} lignes du budget portent ce compte et aucune n’a son libellé « ${line.compteLib.trim()} ».`
        )
      }
    } else target = best[0]
    if (target === undefined) {
      const compte = budgetAccountOf(line.compte)
      target = targets.find((t) => t.nouvelle && t.compte === compte)
      if (target === undefined) {
        const libelle = line.compteLib.trim().replace(/\s+/g, ' ').slice(0, 300)
        target = {
          index: targets.length,
          compte,
          libelle: libelle === '' ? `Compte ${compte}` : libelle,
          nature,
          nouvelle: true,
          parSection: new Array<number>(SECTIONS.length).fill(0),
          nonAffecte: 0,
          comptesFec: new Set<string>(),
        }
        targets.push(target)
      }
    }
    target.comptesFec.add(line.compte)
    byAccount.set(line.compte, target)
    return target
  }

  const columns = columnsOf(ledger)
  const natures = columns.comptes.values.map((c) => natureOf(c))
  for (let i = 0; i < columns.count; i++) {
    const nature = natures[columns.compte[i] as number]
    if (nature === undefined) continue
    const line = columns.line(i)
    const cents = amountOf(line, nature)
    const isCharge = nature === 'charge' || nature === 'emploi'
    if (isCharge) charges += cents
    else produits += cents
    const target = targetOf(line, nature)
    const split = affectation.split(line, cents)
    if (split === undefined) {
      target.nonAffecte += cents
      if (isCharge) nonCharges += cents
      else nonProduits += cents
      const u = unmapped.get(line.compte)
      if (u === undefined) {
        unmapped.set(line.compte, {
          compte: line.compte,
          libelle: line.compteLib.trim(),
          nature,
          montant: cents,
          lignes: 1,
        })
      } else {
        u.montant += cents
        u.lignes += 1
      }
      continue
    }
    for (const [s, part] of split.parts) {
      target.parSection[s] = (target.parSection[s] as number) + part
      if (isCharge) sectionCharges[s] = (sectionCharges[s] as number) + part
      else sectionProduits[s] = (sectionProduits[s] as number) + part
    }
  }

  const lignes: BudgetLigne[] = targets.map((t) => {
    const base: BudgetLigne = t.nouvelle
      ? { compte: t.compte, libelle: t.libelle, montant: '0.00' }
      : (budget.lignes[t.index] as BudgetLigne)
    const { repartitionRealise: _, realise: __, ...rest } = base
    const realise = t.parSection.reduce((a, b) => a + b, 0) + t.nonAffecte
    const parts = t.parSection
      .map((cents, s) => ({ section: SECTIONS[s] as Section, montant: centsToString(cents) }))
      .filter((_p, s) => t.parSection[s] !== 0)
    const split =
      parts.length > 0
        ? { mode: 'montants' as const, parts }
        : realise !== 0
          ? {
              mode: 'montants' as const,
              parts: [{ section: 'fonctionnement' as const, montant: '0.00' }],
            }
          : undefined
    return {
      ...rest,
      realise: centsToString(realise),
      ...(split === undefined ? {} : { repartitionRealise: split }),
    }
  })
  const checked = parseBudget({ ...budget, lignes }, options)

  return {
    budget: checked,
    lignes: targets
      .filter((t) => t.comptesFec.size > 0)
      .map((t) => ({
        index: t.index,
        compte: t.compte,
        libelle: t.libelle,
        nature: t.nature,
        nouvelle: t.nouvelle,
        realise: t.parSection.reduce((a, b) => a + b, 0) + t.nonAffecte,
        parSection: t.parSection,
        nonAffecte: t.nonAffecte,
        comptesFec: [...t.comptesFec].sort(),
      })),
    parSection: SECTIONS.map((section, s) => ({
      section,
      charges: sectionCharges[s] as number,
      produits: sectionProduits[s] as number,
    })),
    nonAffecte: {
      charges: nonCharges,
      produits: nonProduits,
      comptes: [...unmapped.values()].sort((a, b) => (a.compte < b.compte ? -1 : 1)),
    },
    totaux: { charges, produits },
    remarques,
  }
}
