// The cash plan (plan de trésorerie): month by month, opening cash, ACI receipts on their schedule dates, other receipts, disbursements, closing cash, and its warnings.
import { type BudgetDocument, centsOf, natureOf } from '../budget'
import { type Contract, parseExercice, type Schedule, scheduleOf } from '../contract'
import { AciError } from '../errors'
import { formatCents } from '../format'
import { monthsOf } from '../ledger/balances'
import { checkProfiles, type MonthlyProfile, profileFor, spreadByMonth } from '../ledger/profile'

export interface CashPlanInput {
  readonly contrat: Contract | Schedule
  readonly exercice: unknown
  /** Cash at the start of the fiscal year (the FEC's opening cash, or typed), decimal string. */
  readonly tresorerieInitiale: string
  /** The fiscal year's budget: its other receipts and its disbursements, spread by month. */
  readonly budget?: BudgetDocument
  /** Actual disbursements of past months ("AAAA-MM" → decimal string): they replace the budget's. */
  readonly decaissements?: Readonly<Record<string, string>>
  /** Also the 12 months after the fiscal year. */
  readonly moisSuivants?: boolean
  /** A warning for every month that ends below this cash (decimal string); below zero always warns. */
  readonly seuil?: string
  readonly profils?: readonly MonthlyProfile[]
}

export interface CashMonth {
  readonly mois: string
  readonly ouverture: number
  readonly encaissementsAci: number
  readonly autresEncaissements: number
  readonly decaissements: number
  /** Closing cash: ouverture + receipts − disbursements; the next month's ouverture. */
  readonly solde: number
  /** Where the disbursements come from: the actuals given, or the budget. */
  readonly source: 'realise' | 'budget'
}

export interface CashAlert {
  readonly mois: string
  readonly niveau: 'negatif' | 'seuil'
  readonly solde: number
  readonly message: string
}

export interface CashPlan {
  readonly mois: readonly CashMonth[]
  readonly alertes: readonly CashAlert[]
  readonly hypotheses: readonly string[]
}

function amountOrThrow(text: string | undefined, at: string): number {
  const cents = text === undefined ? undefined : centsOf(text)
  if (cents === undefined) {
    throw new AciError(
      'tresorerie_invalide',
      `${at} : montant attendu en euros, texte décimal avec au plus deux décimales (« 12500.00 »).`,
      at
    )
  }
  return cents
}

/** Budget lines that move no cash: dotations (68) and reprises (78), contributions in kind (86, 87). */
function movesCash(compte: string): boolean {
  return !(
    compte.startsWith('68') ||
    compte.startsWith('78') ||
    compte.startsWith('86') ||
    compte.startsWith('87')
  )
}

/** ACI income lines of the budget: paid on the schedule, not spread by month. */
function isAciIncome(financeur: string | undefined, compte: string): boolean {
  return financeur === 'aci' || (financeur === undefined && compte.startsWith('706'))
}

const frenchMonth = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`

/**
 * The cash plan of a fiscal year (and of the 12 months after it on request). ACI receipts are the
 * schedule's payments dated in each month. Other receipts and disbursements are the budget's
 * lines (charges and produits that move cash; ACI income lines excluded, the schedule giving them)
 * spread over the months, evenly or by each line's monthly profile; a month with actual
 * disbursements given takes those instead. The 12 months after the fiscal year repeat the budget
 * (stated). Each month's closing is its opening + receipts − disbursements and opens the next.
 */
export function planDeTresorerie(input: CashPlanInput): CashPlan {
  const ex = parseExercice(input.exercice)
  const schedule = 'paiements' in input.contrat ? input.contrat : scheduleOf(input.contrat)
  const opening = amountOrThrow(input.tresorerieInitiale, 'tresorerieInitiale')
  const seuil = input.seuil === undefined ? undefined : amountOrThrow(input.seuil, 'seuil')
  checkProfiles(input.profils, 'profils')
  const yearMonths = monthsOf(ex.debut, ex.fin)
  const following = input.moisSuivants
    ? followingMonths(yearMonths[yearMonths.length - 1] as string)
    : []
  const months = [...yearMonths, ...following]
  const index = new Map(months.map((m, i) => [m, i]))

  const aci = new Array<number>(months.length).fill(0)
  for (const p of schedule.paiements) {
    const m = index.get(p.date.slice(0, 7))
    if (m !== undefined) aci[m] = (aci[m] as number) + (centsOf(p.montant.toFixed(2)) as number)
  }

  const other = new Array<number>(months.length).fill(0)
  const spending = new Array<number>(months.length).fill(0)
  input.budget?.lignes.forEach((l, i) => {
    const nature = natureOf(l.compte)
    if (!movesCash(l.compte)) return
    const cents = centsOf(l.montant) ?? 0
    if (cents === 0) return
    const target =
      nature === 'charge'
        ? spending
        : nature === 'produit' && !isAciIncome(l.financeur, l.compte)
          ? other
          : undefined
    if (target === undefined) return
    const poids = profileFor(input.profils, i, l.compte)
    const spread = [...spreadByMonth(cents, yearMonths, poids)]
    if (following.length > 0) spread.push(...spreadByMonth(cents, following, poids))
    spread.forEach((c, m) => {
      target[m] = (target[m] as number) + c
    })
  })

  const actual = new Map<string, number>()
  for (const [m, text] of Object.entries(input.decaissements ?? {})) {
    if (!index.has(m)) {
      throw new AciError(
        'tresorerie_invalide',
        `decaissements.${m} : mois du plan attendu (AAAA-MM, de ${months[0]} à ${months[months.length - 1]}).`,
        `decaissements.${m}`
      )
    }
    actual.set(m, amountOrThrow(text, `decaissements.${m}`))
  }

  const rows: CashMonth[] = []
  const alertes: CashAlert[] = []
  let cash = opening
  months.forEach((m, i) => {
    const out = actual.get(m) ?? (spending[i] as number)
    const solde = cash + (aci[i] as number) + (other[i] as number) - out
    rows.push({
      mois: m,
      ouverture: cash,
      encaissementsAci: aci[i] as number,
      autresEncaissements: other[i] as number,
      decaissements: out,
      solde,
      source: actual.has(m) ? 'realise' : 'budget',
    })
    if (solde < 0) {
      alertes.push({
        mois: m,
        niveau: 'negatif',
        solde,
        message: `Trésorerie négative fin ${frenchMonth(m)} : ${formatCents(solde)}.`,
      })
    } else if (seuil !== undefined && solde < seuil) {
      alertes.push({
        mois: m,
        niveau: 'seuil',
        solde,
        message: `Trésorerie fin ${frenchMonth(m)} (${formatCents(solde)}) sous le seuil de ${formatCents(seuil)}.`,
      })
    }
    cash = solde
  })

  const hypotheses = [
    'Encaissements ACI : les versements de l’échéancier du contrat, au mois de leur date (avances de 75 %, soldes, volet variable).',
    'Autres encaissements et décaissements : les lignes du budget qui font bouger la trésorerie (charges 6 sauf 68 dotations ; produits 7 sauf 78 reprises et sauf l’ACI — financeur aci, ou compte 706 sans financeur —, versée selon l’échéancier), étalées sur les mois à parts égales ou selon leur profil mensuel, sans décalage de paiement (TVA, délais fournisseurs).',
  ]
  if (actual.size > 0) {
    hypotheses.push(
      'Décaissements des mois passés : le réalisé fourni remplace le budget de ces mois ; les autres mois gardent le budget mensuel.'
    )
  }
  if (following.length > 0) {
    hypotheses.push(
      'Les 12 mois suivant l’exercice reprennent le budget de l’exercice, mois par mois ; les encaissements ACI suivent l’échéancier.'
    )
  }
  return { mois: rows, alertes, hypotheses }
}

/** The 12 months after `last` ("AAAA-MM"). */
function followingMonths(last: string): string[] {
  const months: string[] = []
  let year = Number(last.slice(0, 4))
  let month = Number(last.slice(5, 7))
  for (let i = 0; i < 12; i++) {
    month++
    if (month === 13) {
      month = 1
      year++
    }
    months.push(`${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`)
  }
  return months
}
