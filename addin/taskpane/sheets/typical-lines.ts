// The lines a new budget sheet starts from: the charges a CPTS usually has, and the ACI income of its envelopes.
import {
  compteProduit,
  Decimal,
  type EnvelopeReport,
  envelopeLabel,
  type Financeur,
  type FiscalIncome,
  isMissionSection,
  MISSION_WORDS,
  type Section,
  toExcelNumber,
} from '../../../shared'
import type { PlanCell } from '../workbook/plan'
import { ENVELOPPE_HEADERS } from './layout'

export interface TypicalLine {
  readonly compte: string
  readonly libelle: string
  readonly montant: PlanCell
  /** What each section gets; absent: nothing yet. */
  readonly parts: ReadonlyMap<Section, PlanCell>
  readonly financeur?: Financeur
}

/**
 * Charges at zero, for the treasurer to fill: the coordination (the first use of the
 * fonctionnement envelope), governance indemnities and the professionals' remuneration per
 * mission (capped by the PASS, art. D. 1434-44 CSP), fees, premises, insurance, IT tools, travel.
 * Income: what the fiscal year earns from the contract on each 706 sub-account (the cut-off's
 * shares of the contract years it touches), the envelopes of the contract year beside it in their
 * own table; when the profile's contract cannot be computed, the envelopes themselves, as formulas
 * on the envelopes table. Members' fees at zero.
 */
export function typicalLines(
  sections: readonly Section[],
  report: EnvelopeReport,
  enveloppes: string,
  fiscal: FiscalIncome | null = null
): TypicalLine[] {
  const fonctionnementOnly = (compte: string, libelle: string): TypicalLine => ({
    compte,
    libelle,
    montant: 0,
    parts: new Map([['fonctionnement', 0]]),
  })
  const missions = sections.filter(isMissionSection)
  const charges: TypicalLine[] = [
    fonctionnementOnly('6411', 'Salaire brut du coordinateur'),
    fonctionnementOnly('645', 'Charges sociales du coordinateur'),
    fonctionnementOnly('6228', 'Indemnités de gouvernance (bureau, conseil d’administration)'),
    ...missions.map(
      (m): TypicalLine => ({
        compte: '6228',
        libelle: `Rémunération des professionnels – ${MISSION_WORDS[m].label.toLowerCase()}`,
        montant: 0,
        parts: new Map([[m, 0]]),
      })
    ),
    fonctionnementOnly('6226', 'Honoraires : expert-comptable, commissaire aux comptes'),
    fonctionnementOnly('6132', 'Loyer et charges locatives'),
    fonctionnementOnly('616', 'Assurance responsabilité civile'),
    fonctionnementOnly('626', 'Téléphonie, internet et outils numériques de coordination'),
    fonctionnementOnly('6251', 'Déplacements'),
    fonctionnementOnly('6064', 'Fournitures administratives'),
    fonctionnementOnly('623', 'Communication : site internet, supports'),
  ]
  // One line per envelope and volet, on the cut-off's 706 sub-accounts, so that the budget and the
  // year-end entries speak of the same accounts.
  const income: TypicalLine[] =
    fiscal === null ? envelopeLines(report, enveloppes) : fiscalLines(fiscal)
  return [
    ...charges,
    ...income,
    {
      compte: '7561',
      libelle: 'Cotisations des adhérents',
      montant: 0,
      parts: new Map([['fonctionnement', 0]]),
      financeur: 'adherents',
    },
  ]
}

/** The fiscal year's ACI income, one line per 706 sub-account, each to its section. */
function fiscalLines(fiscal: FiscalIncome): TypicalLine[] {
  const sectionOf = new Map<string, Section>()
  for (const l of fiscal.lignes) sectionOf.set(l.compte, (l.mission ?? 'fonctionnement') as Section)
  return fiscal.parCompte.map((c) => {
    const value = toExcelNumber(new Decimal(c.produit))
    return {
      compte: c.compte,
      libelle: `${(envelopeLabel(c.compte) ?? c.compte).replace(/^ACI /, 'ACI – ')} (part de l’exercice)`,
      montant: value,
      parts: new Map([
        [sectionOf.get(c.compte) ?? 'fonctionnement', { formula: '=[@Montant]', value }],
      ]),
      financeur: 'aci' as const,
    }
  })
}

/** The envelopes of the contract year, as formulas on the envelopes table: the sheet stays live. */
function envelopeLines(report: EnvelopeReport, enveloppes: string): TypicalLine[] {
  return [
    aciLine(
      enveloppes,
      'fonctionnement',
      ENVELOPPE_HEADERS.fixe,
      toExcelNumber(report.fonctionnement),
      {
        compte: compteProduit('fonctionnement', null),
        libelle: 'ACI – fonctionnement',
      }
    ),
    ...report.missions.flatMap((m) => {
      const label = MISSION_WORDS[m.mission].label.toLowerCase()
      return [
        aciLine(enveloppes, m.mission, ENVELOPPE_HEADERS.fixe, toExcelNumber(m.fixe), {
          compte: compteProduit('fixe', m.mission),
          libelle: `ACI – ${label}, volet fixe`,
        }),
        aciLine(enveloppes, m.mission, ENVELOPPE_HEADERS.variable, toExcelNumber(m.variable), {
          compte: compteProduit('variable', m.mission),
          libelle: `ACI – ${label}, volet variable attendu`,
        }),
      ]
    }),
  ]
}

/** An ACI income line whose amount is a formula on the envelopes table: the sheet stays live. */
function aciLine(
  enveloppes: string,
  section: Section,
  column: string,
  value: number,
  line: { compte: string; libelle: string }
): TypicalLine {
  return {
    ...line,
    montant: {
      formula: `=SUMIFS(${enveloppes}[${column}],${enveloppes}[${ENVELOPPE_HEADERS.code}],"${section}")`,
      value,
    },
    parts: new Map([[section, { formula: '=[@Montant]', value }]]),
    financeur: 'aci',
  }
}
