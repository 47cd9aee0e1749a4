// Temps et indemnités: write the time sheet (blank or from the register's CSV), read it back into amounts per person, section and month against the PASS, export the month's payments, and put its lines in a new budget sheet.
import {
  AciError,
  type BudgetProfil,
  type CalculRegistre,
  calculerRegistre,
  type Decimal,
  decodeText,
  encodageLabel,
  formatEuros,
  frenchDate,
  lignesBudgetTemps,
  paiementsDuMoisCsv,
  type RateTable,
  type Registre,
  type RegistreConstat,
  registreFromCsv,
  SEUIL_ALERTE_DEFAUT,
  type StatutPlafond,
  sectionLabel,
} from '../../../shared'
import { writeBudget } from '../sheets/budget-workbook'
import { type RateRow, TIME_PREFIXES, timeSheetPlan, timeTables } from '../sheets/time-plan'
import { ratesOfSheet, readTime } from '../sheets/time-read'
import type { Workbook } from '../workbook/workbook'
import type { PickedBytes } from './annex'
import { type BudgetList, budgetList } from './budget-list'
import type { FileToSave } from './export-budget'
import type { Outcome } from './notice'
import type { PaneServices } from './services'

export interface TimeRef {
  readonly key: string
  readonly sheet: string
}

export interface TimeList {
  readonly sheets: readonly TimeRef[]
  readonly selected: string | null
}

type Profil = Pick<BudgetProfil, 'nom' | 'exercice' | 'missions'>

function needProfil(profil: Profil | null): Profil {
  if (profil === null) {
    throw new AciError(
      'budget_invalide',
      'Profil incomplet : complétez les champs signalés de l’onglet Profil.'
    )
  }
  return profil
}

/** The time sheets of the workbook: a `Temps_<clé>` table with its rates and parameters. */
export async function timeList(
  services: Pick<PaneServices, 'workbook'>,
  wanted?: string
): Promise<Outcome & TimeList> {
  const tables = await services.workbook.listTables()
  const names = new Set(tables.map((t) => t.name.toLowerCase()))
  const prefix = `${TIME_PREFIXES.temps}_`.toLowerCase()
  const sheets = tables.flatMap((t) => {
    if (!t.name.toLowerCase().startsWith(prefix)) return []
    const key = t.name.slice(prefix.length)
    const n = timeTables(key)
    return names.has(n.taux.toLowerCase()) && names.has(n.parametres.toLowerCase())
      ? [{ key, sheet: t.sheet }]
      : []
  })
  const selected =
    sheets.find((s) => s.key === wanted)?.key ?? sheets[sheets.length - 1]?.key ?? null
  return { sheets, selected, notice: null }
}

async function addTimeSheet(
  services: PaneServices,
  profil: Profil,
  registre: Registre | undefined,
  taux: readonly RateRow[] | undefined,
  seuilAlerte: string
): Promise<{ sheet: string; key: string }> {
  let key = ''
  const sheet = await services.workbook.addSheet((names) => {
    const plan = timeSheetPlan(
      { profil, registre, taux, seuilAlerte, today: services.today() },
      names
    )
    key = (plan.tables.at(-1)?.name ?? '').slice(TIME_PREFIXES.temps.length + 1)
    return plan
  })
  return { sheet, key }
}

/** Writes a new, blank « Temps et indemnités <année> » sheet; never replaces one. */
export async function writeTimeSheet(
  services: PaneServices,
  input: { readonly profil: Profil | null }
): Promise<Outcome & TimeList> {
  const profil = needProfil(input.profil)
  const { sheet, key } = await addTimeSheet(
    services,
    profil,
    undefined,
    undefined,
    SEUIL_ALERTE_DEFAUT
  )
  return {
    ...(await timeList(services, key)),
    notice: {
      intent: 'success',
      title: `Feuille « ${sheet} » créée`,
      text: 'Saisissez les taux horaires votés, puis les temps ; relisez ensuite la feuille.',
    },
  }
}

async function tablesOf(workbook: Workbook, key: string) {
  const n = timeTables(key)
  const [parametres, taux, temps] = await workbook.readTables([n.parametres, n.taux, n.temps])
  if (!parametres || !taux || !temps) {
    throw new AciError(
      'registre_invalide',
      `Les tableaux ${n.parametres}, ${n.taux} et ${n.temps} sont introuvables : la feuille des temps a été renommée ou supprimée.`
    )
  }
  return { parametres, taux, temps }
}

function rateRowsOf(registre: Registre): RateRow[] {
  return registre.taux.map((t) => ({
    type: t.cible.type,
    cible: t.cible.type === 'personne' ? t.cible.personne.id : t.cible.profession,
    depuis: t.depuis,
    horaire: t.horaire,
  }))
}

/**
 * Imports the register's CSV (bytes, decoded by the core: UTF-8 or Windows-1252) into a new time
 * sheet. The CSV carries no rates: they come from the chosen time sheet's rates table, so that
 * every entry is valued at the rate the board voted.
 */
export async function importTime(
  services: PaneServices,
  input: { readonly file: PickedBytes; readonly key: string | null; readonly profil: Profil | null }
): Promise<Outcome & TimeList> {
  const profil = needProfil(input.profil)
  if (input.key === null) {
    throw new AciError(
      'registre_invalide',
      'Le CSV des temps ne porte pas les taux horaires : écrivez d’abord une feuille Temps et indemnités et saisissez-y les taux votés, puis importez.'
    )
  }
  const tables = await tablesOf(services.workbook, input.key)
  const rates = ratesOfSheet(tables.parametres, tables.taux)
  const seuilAlerte = rates.seuilAlerte ?? SEUIL_ALERTE_DEFAUT
  const decoded = decodeText(input.file.bytes)
  const { registre } = registreFromCsv(decoded.text, {
    taux: rates.taux,
    options: { seuilAlerte },
  })
  const { sheet, key } = await addTimeSheet(
    services,
    profil,
    registre,
    rateRowsOf(registre),
    seuilAlerte
  )
  const n = registre.temps.length
  return {
    ...(await timeList(services, key)),
    notice: {
      intent: 'success',
      title: `« ${input.file.name} » importé`,
      text: `${n} temps (CSV, ${encodageLabel(decoded.encodage)}) écrits dans la nouvelle feuille « ${sheet} », aux taux de la feuille choisie.`,
    },
  }
}

/** A person over a calendar year against the PASS, as the tab shows it. */
export interface PlafondLine {
  readonly personne: string
  readonly annee: number
  readonly total: string
  readonly plafond: string | null
  readonly statut: StatutPlafond
  readonly depassement: string | null
  readonly reste: string | null
  /** dd/mm/yyyy: the day the total went past the PASS. */
  readonly franchissement: string | null
}

export interface TimeReading extends Outcome {
  readonly key: string
  readonly sheet: string
  readonly calcul: CalculRegistre
  readonly personnes: readonly { personne: string; heures: string; montant: string }[]
  readonly plafonds: readonly PlafondLine[]
  readonly sections: readonly { section: string; heures: string; montant: string }[]
  readonly total: string
  /** AAAA-MM, the months with entries: what the payments export offers. */
  readonly mois: readonly string[]
  readonly constats: readonly RegistreConstat[]
}

const hours = (d: Decimal) => `${d.toFixed(2).replace('.', ',')} h`

async function calculOf(services: PaneServices, key: string, profil: Profil | null) {
  const tables = await tablesOf(services.workbook, key)
  const read = readTime(tables.parametres, tables.taux, tables.temps, profil?.exercice)
  return { sheet: tables.temps.sheet, calcul: calculerRegistre(read.registre) }
}

/** Reads a time sheet back: amounts per person, section and month, the PASS per person and calendar year, the findings. */
export async function readTimeSheet(
  services: PaneServices,
  input: { readonly key: string | null; readonly profil: Profil | null }
): Promise<TimeReading> {
  if (input.key === null)
    throw new AciError('registre_invalide', 'Choisissez une feuille des temps.')
  const { sheet, calcul } = await calculOf(services, input.key, input.profil)
  const over = calcul.plafonds.filter((p) => p.statut === 'depasse')
  const near = calcul.plafonds.filter((p) => p.statut === 'alerte')
  const amount = (d: Decimal | undefined) => (d === undefined ? null : formatEuros(d))
  return {
    key: input.key,
    sheet,
    calcul,
    personnes: calcul.personnes.map((p) => ({
      personne: p.personne.id,
      heures: hours(p.heures),
      montant: formatEuros(p.montant),
    })),
    plafonds: calcul.plafonds.map((p) => ({
      personne: p.personne.id,
      annee: p.annee,
      total: formatEuros(p.total),
      plafond: amount(p.plafond),
      statut: p.statut,
      depassement: amount(p.depassement),
      reste: amount(p.reste),
      franchissement: p.franchissement === undefined ? null : frenchDate(p.franchissement),
    })),
    sections: calcul.sections.map((s) => ({
      section: sectionLabel(s.section),
      heures: hours(s.heures),
      montant: formatEuros(s.montant),
    })),
    total: formatEuros(calcul.total.montant),
    mois: calcul.mois.map((m) => m.mois),
    constats: calcul.constats,
    notice: {
      intent: over.length > 0 ? 'error' : near.length > 0 ? 'info' : 'success',
      title: `Feuille « ${sheet} » relue`,
      text: `${calcul.temps.length} temps, ${formatEuros(calcul.total.montant)} ; ${
        over.length === 0
          ? 'aucun dépassement du PASS'
          : `${over.length} dépassement${over.length > 1 ? 's' : ''} du PASS`
      }${near.length > 0 ? `, ${near.length} proche${near.length > 1 ? 's' : ''} du plafond` : ''}.`,
    },
  }
}

/** The payments of a month as CSV (French Excel), from the sheet as it is now. */
export async function exportPayments(
  services: PaneServices,
  input: { readonly key: string | null; readonly profil: Profil | null; readonly mois: string }
): Promise<Outcome & { readonly file: FileToSave }> {
  if (input.key === null)
    throw new AciError('registre_invalide', 'Choisissez une feuille des temps.')
  const { calcul } = await calculOf(services, input.key, input.profil)
  const name = `paiements-${input.mois}.csv`
  return {
    file: {
      name,
      content: paiementsDuMoisCsv(calcul, input.mois),
      type: 'text/csv;charset=utf-8',
    },
    notice: {
      intent: 'success',
      title: 'Paiements du mois exportés',
      text: `Fichier ${name}.`,
    },
  }
}

/**
 * The budget lines the entries give (one per person and nature, split by section, paid amounts
 * as actuals) written to a new budget sheet for the profile: the person's own budget sheets stay
 * as they are.
 */
export async function budgetFromTime(
  services: PaneServices,
  input: {
    readonly key: string | null
    readonly profil: BudgetProfil | null
    readonly table: RateTable | null
  }
): Promise<Outcome & BudgetList> {
  if (input.profil === null || input.table === null) needProfil(null)
  const profil = input.profil as BudgetProfil
  if (input.key === null)
    throw new AciError('registre_invalide', 'Choisissez une feuille des temps.')
  const { sheet, calcul } = await calculOf(services, input.key, profil)
  const lignes = lignesBudgetTemps(calcul)
  if (lignes.length === 0) {
    throw new AciError(
      'registre_invalide',
      `Aucun temps dans l’exercice du ${frenchDate(profil.exercice.debut)} au ${frenchDate(profil.exercice.fin)} : aucune ligne de budget à écrire.`
    )
  }
  const ref = await writeBudget(
    services.workbook,
    { profil, lignes },
    input.table as RateTable,
    services.today()
  )
  return {
    ...(await budgetList(services, { wanted: ref.key })),
    notice: {
      intent: 'success',
      title: `Feuille « ${ref.sheet} » créée`,
      text: `${lignes.length} ligne${lignes.length > 1 ? 's' : ''} d’indemnités et de rémunérations de « ${sheet} » (${formatEuros(calcul.total.montant)}), réparties par section ; vos feuilles de budget ne sont pas modifiées.`,
    },
  }
}
