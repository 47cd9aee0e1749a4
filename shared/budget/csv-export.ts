// A budget written as a CSV file for French Excel: a profile block, the missions, then one row per line with one column per section.
import { frenchDate } from '../dates'
import { MISSION_WORDS } from '../missions'
import { Decimal } from '../money'
import {
  actualSectionHeader,
  LIGNE_HEADERS,
  MISSION_HEADERS,
  MODE_LABELS,
  PHASE_LABELS,
  PROFIL_LABELS,
  type ProfilField,
} from './cells'
import { CsvWriter, FORMAT, MARKER } from './csv-format'
import { FINANCEUR_LABELS } from './financeurs'
import type { BudgetDocument, BudgetLigne, BudgetMission, Repartition } from './schema'
import { SECTIONS, type Section, sectionLabel } from './sections'

/** Which columns of actuals (réalisé) a budget needs: none, the amount, or also its own split. */
interface ActualColumns {
  readonly amount: boolean
  readonly split: boolean
}

/**
 * The header of the lines block: the line's fields, then one column per section; then, only
 * when some line has actuals, their column (and the columns of their own split, when some line
 * has one). A budget without actuals keeps the layout it always had.
 */
function linesHeader(actuals: ActualColumns): string[] {
  return [
    LIGNE_HEADERS.compte,
    LIGNE_HEADERS.libelle,
    LIGNE_HEADERS.montant,
    LIGNE_HEADERS.mode,
    LIGNE_HEADERS.financeur,
    LIGNE_HEADERS.beneficiaire,
    ...SECTIONS.map(sectionLabel),
    ...(actuals.amount ? [LIGNE_HEADERS.realise] : []),
    ...(actuals.split ? [LIGNE_HEADERS.modeRealise, ...SECTIONS.map(actualSectionHeader)] : []),
  ]
}

/**
 * Free text as a cell Excel will not run as a formula: text starting with = + - @ (or a tab,
 * or the apostrophe itself) gets a leading apostrophe, which the import removes (lossless).
 */
function textCell(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text
}

/** "-1234.50" → "-1234,50": an amount as French Excel reads a number. */
function amountCell(amount: string): string {
  return amount.replace('.', ',')
}

/** "33.3333" → "33,3333%". */
function percentCell(percent: string): string {
  return `${percent.replace('.', ',')}%`
}

function missionRow(m: BudgetMission): string[] {
  return [
    MISSION_WORDS[m.mission].label,
    frenchDate(m.debut),
    m.taux === undefined ? '' : percentCell(new Decimal(m.taux).times(100).toFixed()),
    m.phase === undefined ? '' : PHASE_LABELS[m.phase],
  ]
}

/** A split as its mode's word and one cell per section. */
function splitCells(r: Repartition | undefined): string[] {
  const bySection = new Map<Section, string>()
  if (r?.mode === 'montants') {
    for (const p of r.parts) bySection.set(p.section, amountCell(p.montant))
  } else if (r?.mode === 'cles') {
    for (const p of r.parts) bySection.set(p.section, percentCell(p.pourcentage))
  }
  return [
    r === undefined ? '' : MODE_LABELS[r.mode],
    ...SECTIONS.map((s) => bySection.get(s) ?? ''),
  ]
}

function lineRow(l: BudgetLigne, actuals: ActualColumns): string[] {
  const [mode = '', ...sections] = splitCells(l.repartition)
  return [
    l.compte,
    textCell(l.libelle),
    amountCell(l.montant),
    mode,
    l.financeur === undefined ? '' : FINANCEUR_LABELS[l.financeur],
    l.beneficiaire === undefined ? '' : textCell(l.beneficiaire),
    ...sections,
    ...(actuals.amount ? [l.realise === undefined ? '' : amountCell(l.realise)] : []),
    ...(actuals.split ? splitCells(l.repartitionRealise) : []),
  ]
}

/**
 * The budget as CSV for French Excel (UTF-8 with BOM, `;`, decimal comma, dates JJ/MM/AAAA,
 * percentages with %). Give it a parsed document: budgetFromCsv(budgetToCsv(doc)) equals doc.
 */
export function budgetToCsv(doc: BudgetDocument): string {
  const p = doc.profil
  const actuals: ActualColumns = {
    amount: doc.lignes.some((l) => l.realise !== undefined),
    split: doc.lignes.some((l) => l.repartitionRealise !== undefined),
  }
  const values: Record<ProfilField, string> = {
    nom: textCell(p.nom),
    taille: p.taille === undefined ? '' : String(p.taille),
    population: p.population === undefined ? '' : String(p.population),
    signature: frenchDate(p.signature),
    version: p.version ?? '',
    debut: frenchDate(p.exercice.debut),
    fin: frenchDate(p.exercice.fin),
    thesaurisation:
      p.seuils?.thesaurisation === undefined ? '' : percentCell(p.seuils.thesaurisation),
    pass: p.seuils?.pass === undefined ? '' : percentCell(p.seuils.pass),
  }
  // Rows are written as they are made: a budget of 10 000 lines never holds them all as arrays.
  const header = linesHeader(actuals)
  const csv = new CsvWriter(header.length)
  csv.row([MARKER, FORMAT])
  csv.row([])
  csv.row(['Profil', 'Valeur'])
  for (const k of Object.keys(PROFIL_LABELS) as ProfilField[])
    csv.row([PROFIL_LABELS[k], values[k]])
  csv.row([])
  csv.row(Object.values(MISSION_HEADERS))
  for (const m of p.missions) csv.row(missionRow(m))
  csv.row([])
  csv.row(header)
  for (const l of doc.lignes) csv.row(lineRow(l, actuals))
  return csv.toString()
}
