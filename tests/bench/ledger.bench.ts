// Benchmark of the FEC reader: a 100 000-line FEC read, checked and summed per account and month, against splitting its text into fields.
import { performance } from 'node:perf_hooks'
import { parseBudget } from '../../shared/budget'
import { actualsFromLedger, ledgerBalances, parseFec, parseMappingRules } from '../../shared/ledger'
import { decodeText } from '../../shared/text/decode'
import { fecYear, windows1252 } from '../core/ledger/support/fec-year'
import { median, printFigure, printTitle } from './harness'

const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const fmt2 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 })

/** The baseline the issue names: the text split into lines, and each line into its fields. */
function splitFields(text: string): number {
  let fields = 0
  for (const line of text.split('\n')) fields += line.split('\t').length
  return fields
}

function time(task: () => unknown): number {
  const start = performance.now()
  task()
  return performance.now() - start
}

/**
 * Each task timed in the same rounds as the baseline, one after the other, so that a busy machine
 * slows both alike: the median of the per-round ratios, and the ratio of the best times.
 */
function versus(
  name: string,
  task: () => unknown,
  baseline: () => unknown,
  rounds = 11
): { ratio: number; best: number } {
  for (let w = 0; w < 3; w++) {
    task()
    baseline()
  }
  const ratios: number[] = []
  const times: number[] = []
  const bases: number[] = []
  for (let r = 0; r < rounds; r++) {
    const b = time(baseline)
    const t = time(task)
    bases.push(b)
    times.push(t)
    ratios.push(t / b)
  }
  const ratio = median(ratios)
  const best = Math.min(...times) / Math.min(...bases)
  printFigure(
    name,
    `${fmt.format(median(times))} ms`,
    `temps ×${fmt2.format(ratio)} (médiane des tours), ×${fmt2.format(best)} (meilleurs temps) celui du découpage en champs (${fmt.format(median(bases))} ms)`
  )
  return { ratio, best }
}

export default function benchLedger(): void {
  // 12 months of payroll, fees and petty cash, then 4 lines per purchase (invoice and payment).
  const { text, expected } = fecYear(2025, 24_400)
  const bytes = windows1252(text)
  const exercice = { debut: '2025-01-01', fin: '2025-12-31' }
  printTitle(
    `FEC : ${fmt.format(expected.lignes)} lignes, ${fmt.format(expected.ecritures)} écritures, ${fmt2.format(bytes.length / 1024 / 1024)} Mio en Windows-1252`
  )
  const split = () => splitFields(text)
  const read = versus(
    'lecture + contrôle + soldes',
    () => ledgerBalances(parseFec(text, { exercice })),
    split
  )
  printFigure(
    'cible : lecture ≤ 3 × découpage',
    read.ratio <= 3 ? 'atteinte' : 'NON atteinte',
    `×${fmt2.format(read.ratio)}`
  )
  versus('lecture + contrôle seuls', () => parseFec(text, { exercice }), split)
  versus('décodage Windows-1252 (à part)', () => decodeText(bytes), split)
  const ledger = parseFec(text, { exercice })
  const budget = parseBudget({
    profil: {
      nom: 'CPTS de mesure',
      taille: 2,
      signature: '2023-04-15',
      exercice,
      missions: [{ mission: 'parcours', debut: '2023-10-01' }],
    },
    lignes: [{ compte: '6411', libelle: 'Salaires', montant: '40000.00' }],
  })
  const rules = parseMappingRules({
    regles: [
      { compte: '64', section: 'fonctionnement' },
      { journal: 'CA', section: 'fonctionnement' },
    ],
  })
  versus('réalisé par section (règles)', () => actualsFromLedger(ledger, rules, budget), split, 5)
}
