// The journal of a cut-off: the inventory entries of the fiscal year (reversals at opening, 487 and 4687 at closing), balanced to the cent.
import { frenchDate } from '../dates'
import { formatEuros } from '../format'
import { type Decimal, sum, ZERO } from '../money'
import { addDays } from './calendar'
import type { CutoffLine } from './cutoff-types'
import { COMPTE_PAR, COMPTE_PCA, compteLabel } from './labels'
import type { Exercice } from './schema'

const euros = formatEuros

export type EcritureKind = 'extourne_pca' | 'extourne_par' | 'pca' | 'par'

export interface JournalLine {
  readonly date: string
  readonly ecriture: EcritureKind
  readonly compte: string
  readonly libelle: string
  readonly debit: Decimal
  readonly credit: Decimal
  readonly calcul: string
}

type Field = 'pcaOuverture' | 'parOuverture' | 'pcaCloture' | 'parCloture'

const ENTRIES: readonly {
  readonly ecriture: EcritureKind
  readonly field: Field
  /** The side of the 706 sub-accounts; the 487 / 4687 total goes on the other side. */
  readonly produitAuDebit: boolean
  readonly compte: string
  readonly libelle: (ex: Exercice) => string
}[] = [
  {
    ecriture: 'extourne_pca',
    field: 'pcaOuverture',
    produitAuDebit: false,
    compte: COMPTE_PCA,
    libelle: (ex) =>
      `Extourne des produits constatés d’avance au ${frenchDate(addDays(ex.debut, -1))}`,
  },
  {
    ecriture: 'extourne_par',
    field: 'parOuverture',
    produitAuDebit: true,
    compte: COMPTE_PAR,
    libelle: (ex) => `Extourne des produits à recevoir au ${frenchDate(addDays(ex.debut, -1))}`,
  },
  {
    ecriture: 'pca',
    field: 'pcaCloture',
    produitAuDebit: true,
    compte: COMPTE_PCA,
    libelle: (ex) => `Produits constatés d’avance au ${frenchDate(ex.fin)}`,
  },
  {
    ecriture: 'par',
    field: 'parCloture',
    produitAuDebit: false,
    compte: COMPTE_PAR,
    libelle: (ex) => `Produits à recevoir au ${frenchDate(ex.fin)}`,
  },
]

/**
 * The inventory entries of the fiscal year: at opening, the reversal (extourne) of the previous
 * closing's 487 and 4687; at closing, the new 487 (debit 706x, credit 487) and 4687 (debit 4687,
 * credit 706x). Receipts (512 / 706x) are booked when they come and are not repeated here. One
 * line per 706 sub-account and one total line on 487 or 4687: each entry balances to the cent.
 */
export function journalOf(lines: readonly CutoffLine[], ex: Exercice): JournalLine[] {
  const journal: JournalLine[] = []
  for (const entry of ENTRIES) {
    const concerned = lines.filter((l) => !l[entry.field].isZero())
    if (concerned.length === 0) continue
    const date = entry.ecriture.startsWith('extourne') ? ex.debut : ex.fin
    const comptes = [...new Set(concerned.map((l) => l.compte))].sort()
    const produitLines = comptes.map((compte): JournalLine => {
      const mine = concerned.filter((l) => l.compte === compte)
      const amount = sum(mine.map((l) => l[entry.field]))
      return {
        date,
        ecriture: entry.ecriture,
        compte,
        libelle: `${entry.libelle(ex)} – ${compteLabel(compte)}`,
        debit: entry.produitAuDebit ? amount : ZERO,
        credit: entry.produitAuDebit ? ZERO : amount,
        calcul: mine.map((l) => `${l.droit.id} : ${euros(l[entry.field])}`).join(' + '),
      }
    })
    const total = sum(produitLines.map((l) => l.debit.plus(l.credit)))
    journal.push({
      date,
      ecriture: entry.ecriture,
      compte: entry.compte,
      libelle: entry.libelle(ex),
      debit: entry.produitAuDebit ? ZERO : total,
      credit: entry.produitAuDebit ? total : ZERO,
      calcul: `Total des comptes 706 : ${produitLines.map((l) => euros(l.debit.plus(l.credit))).join(' + ')}`,
    })
    journal.push(...produitLines)
  }
  return journal
}
