// The plan of a « Temps et indemnités <année> » sheet: the hourly rates, the totals per person against the PASS, the split by section, and the time entries typed with lists.
import {
  type BudgetProfil,
  type Decimal,
  frenchDate,
  passAnnuel,
  type Registre,
  SECTIONS,
  type Section,
  sectionLabel,
  sum,
  type Temps,
  toExcelNumber,
} from '../../../shared'
import { excelSerial } from '../../excel/dates'
import {
  type ColumnPlan,
  freeSheetName,
  freeTableKey,
  type PlanCell,
  type SheetPlan,
} from '../workbook/plan'
import type { NamesInUse } from '../workbook/workbook'
import { FORMATS } from './layout'

export const TIME_PREFIXES = {
  parametres: 'ParamTemps',
  taux: 'TauxHoraires',
  personnes: 'TotauxPersonnes',
  sections: 'TempsSections',
  temps: 'Temps',
} as const

export function timeTables(key: string) {
  return {
    parametres: `${TIME_PREFIXES.parametres}_${key}`,
    taux: `${TIME_PREFIXES.taux}_${key}`,
    personnes: `${TIME_PREFIXES.personnes}_${key}`,
    sections: `${TIME_PREFIXES.sections}_${key}`,
    temps: `${TIME_PREFIXES.temps}_${key}`,
  }
}

/** The entries' columns: the register CSV's, then the rate and amount the sheet computes. */
export const TEMPS_HEADERS = {
  date: 'Date',
  personne: 'Personne',
  profession: 'Profession',
  membre: 'Membre à jour',
  heures: 'Heures',
  section: 'Section',
  activite: 'Activité',
  nature: 'Nature',
  verse: 'Versé le',
  taux: 'Taux horaire',
  montant: 'Montant',
} as const

export const TAUX_HEADERS = {
  cible: 'Profession ou personne',
  type: 'S’applique à',
  depuis: 'Depuis',
  horaire: 'Taux horaire',
} as const

export const PARAM_ROWS = {
  annee: 'Année civile du PASS',
  pass: 'PASS de l’année',
  alerte: 'Alerte (% du PASS)',
} as const

export const RATE_TARGETS = ['profession', 'personne'] as const
export const NATURE_WORDS = ['indemnité', 'rémunération'] as const
const YES_NO = ['oui', 'non'] as const

/** Professions a CPTS usually pays, offered with an empty rate for the board's decision. */
const TYPICAL_PROFESSIONS = [
  'médecin généraliste',
  'infirmier',
  'pharmacien',
  'masseur-kinésithérapeute',
]

/** Blank lines left for typing, in the preview as in Excel (where a table also grows). */
const BLANK_ENTRIES = 20
const BLANK_RATES = 3
const MIN_PEOPLE = 8

export interface RateRow {
  readonly type: 'profession' | 'personne'
  readonly cible: string
  readonly depuis: string
  readonly horaire: Decimal | undefined
}

export interface TimeSheetInput {
  readonly profil: Pick<BudgetProfil, 'nom' | 'exercice' | 'missions'>
  /** Entries to write (an imported CSV); none: blank lines to type in. */
  readonly registre: Registre | undefined
  /** The rates table; none: the usual professions from the start of the fiscal year, rates to type. */
  readonly taux: readonly RateRow[] | undefined
  readonly seuilAlerte: string
  readonly today: string
}

/** The sections an entry can go to: fonctionnement, the engaged missions, hors ACI. */
export function timeSections(profil: Pick<BudgetProfil, 'missions'>): Section[] {
  const engaged = new Set<string>(profil.missions.map((m) => m.mission))
  return SECTIONS.filter(
    (s) => s === 'fonctionnement' || s === 'hors_aci' || engaged.has(s as string)
  )
}

const number = (d: Decimal) => toExcelNumber(d)

export function timeSheetPlan(input: TimeSheetInput, names: NamesInUse): SheetPlan {
  const { profil, registre } = input
  const year = profil.exercice.debut.slice(0, 4)
  const key = freeTableKey(Object.values(TIME_PREFIXES), year, names.tables)
  const t = timeTables(key)
  const sections = timeSections(profil)
  const T = t.temps
  const R = t.taux

  const rates: RateRow[] = [
    ...(input.taux ??
      TYPICAL_PROFESSIONS.map((cible) => ({
        type: 'profession' as const,
        cible,
        depuis: profil.exercice.debut,
        horaire: undefined,
      }))),
  ]
  const rateRows: PlanCell[][] = [
    ...rates.map((r): PlanCell[] => [
      r.cible,
      r.type,
      excelSerial(r.depuis),
      r.horaire === undefined ? null : number(r.horaire),
    ]),
    ...Array.from({ length: BLANK_RATES }, (): PlanCell[] => [null, null, null, null]),
  ]

  // Rows (1-based) of each part: parameters and rates side by side, then people, sections, entries.
  const top = 4
  const paramCell = (k: number) => `$H$${top + 1 + k}`
  const anneeRef = paramCell(0)
  const passRef = paramCell(1)
  const peopleAt = top + 1 + rateRows.length + 3
  const seen = new Map<string, string>()
  for (const e of registre?.temps ?? []) seen.set(e.personne.cle, e.personne.id)
  const people = [...seen.values()]
  const peopleRows = Math.max(people.length + 2, MIN_PEOPLE)
  const sectionsAt = peopleAt + 1 + peopleRows + 1 + 3
  const tempsAt = sectionsAt + 1 + sections.length + 1 + 3

  let pass: PlanCell = '#N/A'
  try {
    pass = number(passAnnuel(Number(year)))
  } catch {
    // A year not in the PASS table: ACI.PASS says so in the cell (#N/A), as here.
  }

  // The rate in force on the entry's day: the person's own if the board set one, else the profession's.
  const latest = (who: string) =>
    `MAXIFS(${R}[${TAUX_HEADERS.depuis}],${R}[${TAUX_HEADERS.cible}],${who},${R}[${TAUX_HEADERS.depuis}],"<="&[@Date])`
  const rateOn = (who: string) =>
    `SUMIFS(${R}[${TAUX_HEADERS.horaire}],${R}[${TAUX_HEADERS.cible}],${who},${R}[${TAUX_HEADERS.depuis}],${latest(who)})`
  const rateFormula = `=IF(ISBLANK([@Date]),0,IF(${latest('[@Personne]')}>0,${rateOn('[@Personne]')},${rateOn('[@Profession]')}))`
  const amountFormula = `=ROUND([@Heures]*[@[${TEMPS_HEADERS.taux}]],2)`

  const entryRows: PlanCell[][] =
    registre === undefined || registre.temps.length === 0
      ? Array.from({ length: BLANK_ENTRIES }, (): PlanCell[] => [
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          { formula: rateFormula, value: 0 },
          { formula: amountFormula, value: 0 },
        ])
      : registre.temps.map((e): PlanCell[] => {
          return [
            excelSerial(e.date),
            e.ecrit,
            e.personne.profession,
            e.personne.membre === undefined ? null : e.personne.membre ? 'oui' : 'non',
            number(e.heures),
            sectionLabel(e.section),
            e.activite ?? null,
            e.nature === 'indemnite' ? 'indemnité' : 'rémunération',
            e.verse === undefined ? null : excelSerial(e.verse),
            { formula: rateFormula, value: number(e.taux.horaire) },
            { formula: amountFormula, value: number(e.montant) },
          ]
        })

  const inYear = `${T}[${TEMPS_HEADERS.date}],">="&DATE(${anneeRef},1,1),${T}[${TEMPS_HEADERS.date}],"<="&DATE(${anneeRef},12,31)`
  const totalOf = (column: string, value: Decimal): PlanCell => ({
    formula: `=SUMIFS(${T}[${column}],${T}[${TEMPS_HEADERS.personne}],[@Personne],${inYear})`,
    value: number(value),
  })
  const totals = (entries: readonly Temps[]) => ({
    heures: sum(entries.map((e) => e.heures)),
    montant: sum(entries.map((e) => e.montant)),
  })
  const passValue = typeof pass === 'number' ? pass : 0
  const peopleRowsCells: PlanCell[][] = Array.from({ length: peopleRows }, (_, i) => {
    const person = people[i] ?? null
    const own = totals(
      (registre?.temps ?? []).filter((e) => e.personne.id === person && e.date.startsWith(year))
    )
    const total = number(own.montant)
    return [
      person,
      totalOf(TEMPS_HEADERS.heures, own.heures),
      totalOf(TEMPS_HEADERS.montant, own.montant),
      {
        formula: `=IF(${passRef}>0,[@Montant]/${passRef},0)`,
        value: passValue > 0 ? total / passValue : 0,
      },
      { formula: `=MAX(0,[@Montant]-${passRef})`, value: Math.max(0, total - passValue) },
      { formula: `=ACI.RESTE_PASS(${anneeRef},[@Montant])`, value: passValue - total },
    ]
  })

  // The split by section of the entries the sheet starts with, and each section's share of the hours.
  const bySection = sections.map((s) =>
    totals((registre?.temps ?? []).filter((e) => e.section === s))
  )
  const allHours = sum(bySection.map((x) => x.heures))
  const allT = `SUM(${T}[${TEMPS_HEADERS.heures}])`
  const sectionRows: PlanCell[][] = sections.map((s, k) => {
    const x = bySection[k] as { heures: Decimal; montant: Decimal }
    return [
      sectionLabel(s),
      {
        formula: `=SUMIFS(${T}[${TEMPS_HEADERS.heures}],${T}[${TEMPS_HEADERS.section}],[@Section])`,
        value: number(x.heures),
      },
      {
        formula: `=SUMIFS(${T}[${TEMPS_HEADERS.montant}],${T}[${TEMPS_HEADERS.section}],[@Section])`,
        value: number(x.montant),
      },
      {
        formula: `=IF(${allT}>0,[@Heures]/${allT},0)`,
        value: allHours.isZero() ? 0 : x.heures.div(allHours).toNumber(),
      },
    ]
  })

  const sectionNames = sections.map(sectionLabel)
  const entryColumns: ColumnPlan[] = [
    { header: TEMPS_HEADERS.date, format: FORMATS.date, width: 12 },
    { header: TEMPS_HEADERS.personne, format: FORMATS.text, width: 22 },
    { header: TEMPS_HEADERS.profession, format: FORMATS.text, width: 22 },
    {
      header: TEMPS_HEADERS.membre,
      format: null,
      width: 10,
      validation: {
        kind: 'list',
        source: [...YES_NO],
        prompt: 'Membre de la CPTS à jour de sa cotisation (art. D. 1434-44 CSP).',
      },
    },
    {
      header: TEMPS_HEADERS.heures,
      format: '0.00',
      width: 9,
      validation: {
        kind: 'decimal',
        min: 0,
        max: 24,
        prompt: 'Durée en heures (1,5 pour 1 h 30).',
      },
    },
    {
      header: TEMPS_HEADERS.section,
      format: null,
      width: 24,
      validation: {
        kind: 'list',
        source: sectionNames,
        prompt: 'Fonctionnement (gouvernance), une mission engagée, ou hors ACI.',
      },
    },
    { header: TEMPS_HEADERS.activite, format: null, width: 28 },
    {
      header: TEMPS_HEADERS.nature,
      format: null,
      width: 14,
      validation: {
        kind: 'list',
        source: [...NATURE_WORDS],
        prompt:
          'indemnité : perte de ressources (gouvernance) ; rémunération : participation à une mission.',
      },
    },
    { header: TEMPS_HEADERS.verse, format: FORMATS.date, width: 12 },
    { header: TEMPS_HEADERS.taux, format: FORMATS.euros, width: 12 },
    { header: TEMPS_HEADERS.montant, format: FORMATS.euros, width: 12 },
  ]

  const note = `Feuille créée le ${frenchDate(input.today)} par le complément ACI-CPTS. Saisissez les taux horaires votés par le conseil d’administration (par profession, ou pour une personne), puis les temps, une ligne par personne, jour et activité, la profession à chaque ligne ; le plafond est le PASS par personne et par année civile (art. D. 1434-44 CSP). Relisez la feuille depuis le volet pour le calcul au centime.`
  const subtitle = (row: number, column: string, text: string) => ({
    at: `${column}${row - 1}`,
    rows: [[text]],
    style: 'subtitle' as const,
  })
  const body = (column: string, at: number, rows: number) =>
    `${column}${at + 1}:${column}${at + rows}`

  return {
    name: freeSheetName(`Temps et indemnités ${year}`, names.sheets),
    blocks: [
      { at: 'A1', rows: [[`Temps et indemnités ${year} — ${profil.nom}`]], style: 'title' },
      { at: 'A2', rows: [[note]], style: 'note' },
      subtitle(top, 'A', 'Taux horaires'),
      subtitle(top, 'G', 'Plafond'),
      subtitle(peopleAt, 'A', `Totaux par personne en ${year} face au PASS`),
      subtitle(sectionsAt, 'A', 'Répartition par section (clé de répartition par le temps)'),
      subtitle(tempsAt, 'A', 'Temps passés'),
    ],
    tables: [
      {
        name: t.taux,
        at: `A${top}`,
        columns: [
          { header: TAUX_HEADERS.cible, format: FORMATS.text, width: 22 },
          {
            header: TAUX_HEADERS.type,
            format: null,
            width: 22,
            validation: {
              kind: 'list',
              source: [...RATE_TARGETS],
              prompt: 'Le taux vaut pour une profession, ou pour une personne (il l’emporte).',
            },
          },
          { header: TAUX_HEADERS.depuis, format: FORMATS.date, width: 12 },
          { header: TAUX_HEADERS.horaire, format: FORMATS.euros, width: 12 },
        ],
        rows: rateRows,
        showTotals: false,
        style: 'TableStyleLight9',
      },
      {
        name: t.parametres,
        at: `G${top}`,
        columns: [
          { header: 'Paramètre', format: null, width: 24 },
          { header: 'Valeur', format: null, width: 14 },
        ],
        rows: [
          [PARAM_ROWS.annee, Number(year)],
          [PARAM_ROWS.pass, { formula: `=ACI.PASS(${anneeRef})`, value: pass }],
          [PARAM_ROWS.alerte, Number(input.seuilAlerte)],
        ],
        rowFormats: [null, FORMATS.euros, null],
        showTotals: false,
        style: 'TableStyleLight9',
      },
      {
        name: t.personnes,
        at: `A${peopleAt}`,
        columns: [
          { header: 'Personne', format: FORMATS.text, width: 22, total: { label: 'Total' } },
          { header: 'Heures', format: '0.00', width: 22, total: 'sum' },
          { header: 'Montant', format: FORMATS.euros, width: 12, total: 'sum' },
          { header: 'Part du PASS', format: '0.0%', width: 12 },
          { header: 'Dépassement', format: FORMATS.euros, width: 12, total: 'sum' },
          { header: 'Reste sous le PASS', format: FORMATS.euros, width: 22 },
        ],
        rows: peopleRowsCells,
        showTotals: true,
        style: 'TableStyleMedium4',
      },
      {
        name: t.sections,
        at: `A${sectionsAt}`,
        columns: [
          { header: 'Section', format: null, width: 22, total: { label: 'Total' } },
          { header: 'Heures', format: '0.00', width: 22, total: 'sum' },
          { header: 'Montant', format: FORMATS.euros, width: 12, total: 'sum' },
          { header: 'Part des heures', format: '0.00%', width: 12, total: 'sum' },
        ],
        rows: sectionRows,
        showTotals: true,
        style: 'TableStyleMedium4',
      },
      {
        name: t.temps,
        at: `A${tempsAt}`,
        columns: entryColumns,
        rows: entryRows,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
    ],
    highlights: [
      // Near the PASS (past the alert share) in amber, past it in red.
      {
        range: body('D', peopleAt, peopleRows),
        above: Number(input.seuilAlerte) / 100,
        fill: '#FFF4CE',
        font: '#8A5300',
      },
      { range: body('E', peopleAt, peopleRows), above: 0, fill: '#FDE7E9', font: '#A4262C' },
    ],
    charts: [],
    freezeRows: 0,
    // Columns shared by the tables above the entries: the widest of each.
    widths: [22, 22, 22, 12, 12, 24, 28, 14, 12, 12, 12],
  }
}
