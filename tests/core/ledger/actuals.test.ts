// Actuals by mission from the books: the mapping rules, the budget's réalisé filled from the FEC, « non affecté » never dropped, and the monthly follow-up.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  actualsFromLedger,
  checkBudget,
  decodeText,
  type Ledger,
  type LedgerLine,
  type MappingRulesDocument,
  parseBudget,
  parseFec,
  parseMappingRules,
  SECTIONS,
  SUIVI_ROWS,
  suiviMensuel,
} from '../../../shared'
import { errorOf } from '../../support/errors'
import { fecYear, windows1252 } from './support/fec-year'

const year = { debut: '2025-01-01', fin: '2025-12-31' }

const budget = parseBudget({
  profil: {
    nom: 'CPTS du Val',
    taille: 2,
    signature: '2023-04-15',
    exercice: year,
    missions: [
      { mission: 'acces', debut: '2023-10-01' },
      { mission: 'parcours', debut: '2023-10-01' },
      { mission: 'prevention', debut: '2024-04-15' },
    ],
  },
  lignes: [
    {
      compte: '6411',
      libelle: 'Salaire de la coordinatrice',
      montant: '40000.00',
      repartition: {
        mode: 'cles',
        parts: [
          { section: 'fonctionnement', pourcentage: '60' },
          { section: 'parcours', pourcentage: '40' },
        ],
      },
    },
    { compte: '6451', libelle: 'Charges sociales', montant: '17000.00' },
    {
      compte: '6226',
      libelle: 'Honoraires',
      montant: '30000.00',
      repartition: { mode: 'montants', parts: [{ section: 'acces', montant: '30000.00' }] },
    },
    { compte: '6132', libelle: 'Loyer', montant: '12000.00' },
    { compte: '7061', libelle: 'ACI', montant: '75000.00', financeur: 'aci' },
  ],
})

const rules: MappingRulesDocument = parseMappingRules({
  regles: [
    {
      compte: '6411',
      cles: [
        { section: 'fonctionnement', pourcentage: '60' },
        { section: 'parcours', pourcentage: '40' },
      ],
    },
    { compte: '645', section: 'fonctionnement' },
    { journal: 'CA', section: 'fonctionnement' },
    { compte: '6132', section: 'fonctionnement' },
    { compte: '706', section: 'fonctionnement' },
    { marque: 'cotisation', section: 'hors_aci' },
  ],
})

describe('the mapping rules document', () => {
  it.each([
    [{ regles: [{ section: 'acces' }] }, 'regles[0]', /compte, journal ou marque/],
    [{ regles: [{ compte: '62' }] }, 'regles[0]', /soit une section, soit des clés/],
    [
      { regles: [{ compte: '62', cles: [{ section: 'acces', pourcentage: '60' }] }] },
      'regles[0].cles',
      /les clés font 60 % au lieu de 100 %/,
    ],
    [{ regles: [{ compte: '6A', section: 'acces' }] }, 'regles[0].compte', /1 à 12 chiffres/],
    [{ regles: [{ compte: '62', section: 'urgences' }] }, 'regles[0].section', /section attendue/],
    [{ regles: [], autre: 1 }, 'autre', /champ inconnu/],
  ])('refuses %j at %s', (doc, argument, message) => {
    const error = errorOf(() => parseMappingRules(doc))
    expect(error.code).toBe('regles_invalides')
    expect(error.argument).toBe(argument)
    expect(error.message).toMatch(message)
  })
})

describe('actuals of a generated CPTS year', () => {
  const { text, expected } = fecYear(7, 800)
  const ledger = parseFec(decodeText(windows1252(text)).text, { exercice: year })
  const result = actualsFromLedger(ledger, rules, budget)
  const total = (compte: string) =>
    (expected.debit.get(compte) ?? 0) - (expected.credit.get(compte) ?? 0)

  it('fills each budget line’s réalisé with the books’ total for its accounts', () => {
    const line = (compte: string) => result.budget.lignes.find((l) => l.compte === compte)
    expect(line('6411')?.realise).toBe((total('641100') / 100).toFixed(2))
    expect(line('6132')?.realise).toBe((total('613200') / 100).toFixed(2))
    expect(line('7061')?.realise).toBe((-(total('706100') + total('706121')) / 100).toFixed(2))
  })

  it('adds the accounts no budget line has, with montant 0', () => {
    const added = result.lignes.filter((l) => l.nouvelle).map((l) => l.compte)
    expect(added).toEqual(
      expect.arrayContaining(['606300', '625100', '625700', '626000', '756000'])
    )
    const reception = result.budget.lignes.find((l) => l.compte === '625700')
    expect(reception?.montant).toBe('0.00')
    expect(reception?.libelle).toBe('Réceptions')
  })

  it('maps by keys, account, journal, label mark and section mark', () => {
    const salary = result.lignes.find((l) => l.compte === '6411')
    const s = (name: string) => SECTIONS.indexOf(name as (typeof SECTIONS)[number])
    expect(salary?.parSection[s('fonctionnement')]).toBe(Math.round(total('641100') * 0.6))
    expect(
      (salary?.parSection[s('fonctionnement')] ?? 0) + (salary?.parSection[s('parcours')] ?? 0)
    ).toBe(total('641100'))
    const fees = result.lignes.find((l) => l.compte === '756000')
    expect(fees?.parSection[s('hors_aci')]).toBe(-total('756000'))
    // Purchases with [PARCOURS], [ACCES], [PREVENTION] in their label go there; the others are « non affecté ».
    const marked = result.parSection.find((p) => p.section === 'prevention')?.charges
    expect(marked).toBe(expected.marked.get('prevention'))
  })

  it('keeps what no rule maps as « non affecté », and the check shows it unallocated', () => {
    expect(result.nonAffecte.charges).toBeGreaterThan(0)
    const sum = result.parSection.reduce((a, p) => a + p.charges, 0) + result.nonAffecte.charges
    expect(sum).toBe(result.totaux.charges)
    expect(result.nonAffecte.comptes.map((c) => c.compte)).toEqual(
      expect.arrayContaining(['606300', '622600'])
    )
    const report = checkBudget(result.budget)
    expect(report).toBeDefined()
  })
})

describe('every amount lands in exactly one section or in « non affecté » (property)', () => {
  const ACCOUNTS = ['606300', '622600', '641100', '645100', '706100', '756000', '512000', '401000']
  const lineArb = fc.record({
    compte: fc.constantFrom(...ACCOUNTS),
    journal: fc.constantFrom('ACH', 'BQ', 'OD'),
    libelle: fc.constantFrom('Achat', 'Atelier [PARCOURS]', 'Soirée [acces]', 'divers cotisation'),
    debit: fc.integer({ min: 0, max: 10_000_000 }),
    credit: fc.integer({ min: 0, max: 10_000_000 }),
    month: fc.integer({ min: 1, max: 12 }),
  })
  const ruleArb = fc.oneof(
    fc.record({
      compte: fc.constantFrom('6', '62', '6411', '706', '7'),
      section: fc.constantFrom(...SECTIONS),
    }),
    fc.record({ journal: fc.constantFrom('ACH', 'BQ'), section: fc.constantFrom(...SECTIONS) }),
    fc.record({
      compte: fc.constantFrom('64', '6'),
      cles: fc.integer({ min: 0, max: 1_000_000 }).map((k) => [
        { section: 'fonctionnement' as const, pourcentage: String(k / 10_000) },
        { section: 'acces' as const, pourcentage: String((1_000_000 - k) / 10_000) },
      ]),
    }),
    fc.record({
      marque: fc.constantFrom('cotisation', 'atelier'),
      section: fc.constantFrom(...SECTIONS),
    })
  )

  it('Σ sections + non affecté = the books’ charges and produits, line by line and in all', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 60 }),
        fc.array(ruleArb, { maxLength: 6 }),
        fc.boolean(),
        (raw, regles, marques) => {
          const doc = parseMappingRules({ marquesSections: marques, regles })
          const lignes: LedgerLine[] = raw.map((r, i) => ({
            ligne: i + 2,
            journal: r.journal,
            journalLib: r.journal,
            ecriture: String(i),
            date: `2025-${String(r.month).padStart(2, '0')}-10`,
            compte: r.compte,
            compteLib: `Compte ${r.compte}`,
            pieceRef: `P${i}`,
            libelle: r.libelle,
            debit: r.debit,
            credit: r.credit,
          }))
          const ledger: Ledger = {
            format: 'debit_credit',
            separateur: '\t',
            exercice: year,
            exerciceDonne: true,
            lignes,
            ecritures: lignes.length,
            avertissements: [],
          }
          const result = actualsFromLedger(ledger, doc, budget)
          let charges = 0
          let produits = 0
          for (const l of lignes) {
            if (l.compte.startsWith('6')) charges += l.debit - l.credit
            if (l.compte.startsWith('7')) produits += l.credit - l.debit
          }
          expect(result.totaux).toEqual({ charges, produits })
          const mapped = (k: 'charges' | 'produits') =>
            result.parSection.reduce((a, p) => a + p[k], 0)
          expect(mapped('charges') + result.nonAffecte.charges).toBe(charges)
          expect(mapped('produits') + result.nonAffecte.produits).toBe(produits)
          for (const l of result.lignes) {
            expect(l.parSection.reduce((a, b) => a + b, 0) + l.nonAffecte).toBe(l.realise)
          }
          const unmapped = result.nonAffecte.comptes.reduce((a, c) => a + c.montant, 0)
          expect(unmapped).toBe(result.nonAffecte.charges + result.nonAffecte.produits)
          const suivi = suiviMensuel(ledger, doc, budget, { jusquA: '2025-12' })
          expect(suivi.total.realiseCumule).toBe(charges)
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('the monthly follow-up', () => {
  it('has one row per section, in their order, then « non affecté »', () => {
    expect(SUIVI_ROWS).toEqual([...SECTIONS, 'non_affecte'])
  })

  const { text } = fecYear(11, 600)
  const ledger = parseFec(text, { exercice: year })

  it('gives budget and actual by section and month, year to date, rate and a linear projection', () => {
    const suivi = suiviMensuel(ledger, rules, budget, { jusquA: '2025-06' })
    expect(suivi.mois).toHaveLength(12)
    expect(suivi.moisEcoules).toBe(6)
    const fonctionnement = suivi.sections.find((s) => s.section === 'fonctionnement')
    // The plan's own split: 60 % of the 40 000 salary; the lines without a split are « non affecté ».
    expect(fonctionnement?.budgetAnnuel).toBe(2_400_000)
    expect(fonctionnement?.mois[0]?.budget).toBe(200_000)
    expect(fonctionnement?.budgetCumule).toBe(1_200_000)
    expect(suivi.sections.find((s) => s.section === 'non_affecte')?.budgetAnnuel).toBe(2_900_000)
    const ytd = fonctionnement?.mois[5]?.realiseCumule ?? 0
    expect(fonctionnement?.realiseCumule).toBe(ytd)
    expect(fonctionnement?.projection).toBe(Math.round((ytd * 12) / 6))
    expect(fonctionnement?.tauxExecution).toBeCloseTo(ytd / 2_400_000, 12)
    expect(suivi.hypotheses.join(' ')).toMatch(/Projection linéaire/)
    const totalBudget = suivi.sections.reduce((a, s) => a + s.budgetAnnuel, 0)
    expect(suivi.total.budgetAnnuel).toBe(totalBudget)
    expect(totalBudget).toBe(9_900_000)
  })

  it('spreads a line by its monthly profile', () => {
    const summer = [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]
    const suivi = suiviMensuel(ledger, rules, budget, {
      jusquA: '2025-12',
      profils: [{ compte: '6411', poids: summer }],
    })
    const fonctionnement = suivi.sections.find((s) => s.section === 'fonctionnement')
    const july = fonctionnement?.mois[6]?.budget ?? 0
    const june = fonctionnement?.mois[5]?.budget ?? 0
    expect(june).toBe(0)
    expect(july).toBe(1_200_000)
  })

  it('refuses a month outside the year', () => {
    expect(errorOf(() => suiviMensuel(ledger, rules, budget, { jusquA: '2026-01' })).code).toBe(
      'exercice_invalide'
    )
  })
})
