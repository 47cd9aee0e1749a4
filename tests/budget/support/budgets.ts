// Budgets for the tests: a clean one that raises no finding, and helpers to change one thing at a time.
import { readFileSync } from 'node:fs'
import {
  type BudgetDocument,
  type BudgetLigne,
  type BudgetReport,
  checkBudget,
  type Finding,
  type FindingCode,
  parseBudget,
} from '../../../shared'

/**
 * A taille 2 CPTS under aci-avenant-2 (signed 2023), financial year 2025, four socle missions at
 * taux 1 (crise: plan update, no crisis expected, taux 0). Envelopes (2025 grid, taille 2):
 * fonctionnement 60 000; accès 70 000 + 30 000 = 100 000; parcours 35 000 + 35 000 = 70 000;
 * prévention 15 000 + 15 000 = 30 000; crise 17 500 + 52 500 × 0 = 17 500; total 277 500.
 * Each section spends exactly its envelope, and the ACI pays exactly that, booked in 706.
 */
export function cleanBudget(): BudgetDocument {
  return parseBudget({
    profil: {
      nom: 'CPTS Essai',
      taille: 2,
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions: [
        { mission: 'acces', debut: '2023-03-01' },
        { mission: 'parcours', debut: '2023-03-01' },
        { mission: 'prevention', debut: '2023-03-01' },
        { mission: 'crise', debut: '2023-03-01', taux: '0', phase: 'mise_a_jour' },
      ],
    },
    lignes: [
      direct('6411', 'Salaire de la coordinatrice', '60000.00', 'fonctionnement'),
      direct('6228', 'Régulation des soins non programmés', '100000.00', 'acces'),
      direct('6228', 'Réunions pluriprofessionnelles', '70000.00', 'parcours'),
      direct('604', 'Actions de prévention', '30000.00', 'prevention'),
      direct('604', 'Mise à jour du plan de crise', '17500.00', 'crise'),
      { compte: '706', libelle: 'Financement ACI', montant: '277500.00', financeur: 'aci' },
    ],
  })
}

/** A line charged entirely to one section (a split by amounts with one part). */
export function direct(
  compte: string,
  libelle: string,
  montant: string,
  section: string
): BudgetLigne {
  return {
    compte,
    libelle,
    montant,
    repartition: { mode: 'montants', parts: [{ section, montant }] },
  } as BudgetLigne
}

/** The clean budget with more lines, parsed. */
export function withLines(...lignes: unknown[]): BudgetDocument {
  const doc = cleanBudget()
  return parseBudget({ ...doc, lignes: [...doc.lignes, ...lignes] })
}

/** The clean budget with its profile changed, parsed. */
export function withProfil(change: Record<string, unknown>, lignes?: unknown[]): BudgetDocument {
  const doc = cleanBudget()
  return parseBudget({
    profil: { ...doc.profil, ...change },
    lignes: lignes ?? doc.lignes,
  })
}

/** The findings of a code in a report. */
export function findingsOf(report: BudgetReport, code: FindingCode): Finding[] {
  return report.findings.filter((f) => f.code === code)
}

/** The only finding of a code: fails when there is none or several. */
export function only(report: BudgetReport, code: FindingCode): Finding {
  const found = findingsOf(report, code)
  if (found.length !== 1) {
    throw new Error(
      `${code} : 1 constat attendu, ${found.length} trouvés (${report.findings.map((f) => f.code).join(', ')})`
    )
  }
  return found[0] as Finding
}

export function codes(report: BudgetReport): string[] {
  return report.findings.map((f) => f.code)
}

export function check(doc: BudgetDocument): BudgetReport {
  return checkBudget(doc)
}

export { errorOf } from '../../support/errors'

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
}
