// The register of time computed by hand: two people over 2026 with a rate change in June, a professional crossing the PASS in November, a July–June fiscal year.
import { describe, expect, it } from 'vitest'
import {
  calculerRegistre,
  indemnitesJson,
  lignesBudgetTemps,
  parseRegistre,
  releveAnnuel,
} from '../../../shared'

const amounts = <T extends { montant: { toFixed(n: number): string } }>(rows: readonly T[]) =>
  rows.map((r) => r.montant.toFixed(2))

/** A GP paid by the rate of the profession, a nurse with her own rate from 15 June. */
const deuxPersonnes = {
  personnes: [
    { id: 'Dr Martin', profession: 'Médecin généraliste', membre: true },
    { id: 'INF-002', profession: 'infirmier', membre: true },
  ],
  taux: [
    { profession: 'médecin généraliste', depuis: '2026-01-01', horaire: '90.00' },
    { profession: 'Médecin Généraliste', depuis: '2026-06-01', horaire: '100.00' },
    { profession: 'infirmier', depuis: '2026-01-01', horaire: '60.00' },
    { personne: 'INF-002', depuis: '2026-06-15', horaire: '70.00' },
  ],
  temps: [
    {
      personne: 'Dr Martin',
      date: '2026-03-10',
      heures: '3',
      section: 'gouvernance',
      nature: 'indemnite',
      activite: 'Conseil d’administration',
    },
    {
      personne: 'Dr Martin',
      date: '2026-05-31',
      heures: '2.5',
      section: 'parcours',
      nature: 'remuneration',
    },
    {
      personne: 'Dr Martin',
      date: '2026-06-01',
      heures: '2.5',
      section: 'parcours',
      nature: 'remuneration',
    },
    {
      personne: 'Dr Martin',
      date: '2026-09-15',
      heures: 1.75,
      section: 'acces',
      nature: 'remuneration',
      verse: '2026-10-05',
    },
    {
      personne: 'INF-002',
      date: '2026-02-02',
      heures: '2',
      section: 'prevention',
      nature: 'remuneration',
      verse: '2026-03-01',
    },
    {
      personne: 'INF-002',
      date: '2026-06-14',
      heures: '1.5',
      section: 'fonctionnement',
      nature: 'indemnite',
    },
    {
      personne: 'INF-002',
      date: '2026-06-15',
      heures: '1.5',
      section: 'fonctionnement',
      nature: 'indemnite',
    },
    {
      personne: 'INF-002',
      date: '2026-11-20',
      heures: '0.25',
      section: 'prevention',
      nature: 'remuneration',
    },
  ],
}

describe('two people over 2026, rates changed in June', () => {
  const calcul = calculerRegistre(parseRegistre(deuxPersonnes))

  it('prices each entry at the rate in force on its day', () => {
    // 3 × 90; 2.5 × 90 (31 May); 2.5 × 100 (1 June); 1.75 × 100;
    // 2 × 60; 1.5 × 60 (14 June, profession); 1.5 × 70 (15 June, her own rate); 0.25 × 70.
    expect(amounts(calcul.temps)).toEqual([
      '270.00',
      '225.00',
      '250.00',
      '175.00',
      '120.00',
      '90.00',
      '105.00',
      '17.50',
    ])
    expect(calcul.temps.map((t) => t.taux.index)).toEqual([0, 0, 1, 1, 2, 2, 3, 3])
  })

  it('adds up per person, per section, per month and in total', () => {
    expect(
      calcul.personnes.map((p) => [p.personne.id, p.montant.toFixed(2), p.heures.toFixed()])
    ).toEqual([
      ['Dr Martin', '920.00', '9.75'],
      ['INF-002', '332.50', '5.25'],
    ])
    // gouvernance is the fonctionnement section: 270 + 90 + 105.
    expect(
      calcul.sections.map((s) => [s.section, s.heures.toFixed(), s.montant.toFixed(2)])
    ).toEqual([
      ['fonctionnement', '6', '465.00'],
      ['acces', '1.75', '175.00'],
      ['parcours', '5', '475.00'],
      ['prevention', '2.25', '137.50'],
    ])
    expect(calcul.mois.map((m) => [m.mois, m.montant.toFixed(2)])).toEqual([
      ['2026-02', '120.00'],
      ['2026-03', '270.00'],
      ['2026-05', '225.00'],
      ['2026-06', '445.00'],
      ['2026-09', '175.00'],
      ['2026-11', '17.50'],
    ])
    expect(calcul.total.montant.toFixed(2)).toBe('1252.50')
    expect(calcul.total.indemnites.toFixed(2)).toBe('465.00')
    expect(calcul.total.remunerations.toFixed(2)).toBe('787.50')
    expect(calcul.total.verse.toFixed(2)).toBe('295.00')
  })

  it('answers one row per person and calendar year against the PASS 2026 (48 060 €)', () => {
    const json = indemnitesJson(calcul)
    expect(json.personnes).toEqual([
      expect.objectContaining({
        id: 'Dr Martin',
        annee: 2026,
        total: '920.00',
        plafond: '48060.00',
        depassement: '0.00',
        reste: '47140.00',
        seuil: '43254.00',
        statut: 'sous-plafond',
        franchissement: null,
      }),
      expect.objectContaining({
        id: 'INF-002',
        annee: 2026,
        total: '332.50',
        plafond: '48060.00',
        depassement: '0.00',
        reste: '47727.50',
        statut: 'sous-plafond',
      }),
    ])
    expect(json.constats).toEqual([])
  })

  it('feeds the budget: one line per person and nature, split by section, paid entries as actuals', () => {
    expect(lignesBudgetTemps(calcul)).toEqual([
      {
        compte: '6228',
        libelle: 'Indemnités pour perte de ressources – Dr Martin',
        montant: '270.00',
        realise: '0.00',
        repartition: {
          mode: 'montants',
          parts: [{ section: 'fonctionnement', montant: '270.00' }],
        },
        beneficiaire: 'Dr Martin',
      },
      {
        compte: '6228',
        libelle: 'Rémunération de la participation aux missions – Dr Martin',
        montant: '650.00',
        realise: '175.00',
        repartition: {
          mode: 'montants',
          parts: [
            { section: 'acces', montant: '175.00' },
            { section: 'parcours', montant: '475.00' },
          ],
        },
        repartitionRealise: { mode: 'montants', parts: [{ section: 'acces', montant: '175.00' }] },
        beneficiaire: 'Dr Martin',
      },
      expect.objectContaining({ montant: '195.00', realise: '0.00', beneficiaire: 'INF-002' }),
      expect.objectContaining({ montant: '137.50', realise: '120.00', beneficiaire: 'INF-002' }),
    ])
  })

  it('gives a yearly statement per person, JSON-ready', () => {
    const releve = releveAnnuel(calcul, 'inf 002', 2026)
    expect(releve).toMatchObject({
      id: 'INF-002',
      annee: 2026,
      total: '332.50',
      indemnites: '195.00',
      remunerations: '137.50',
      verse: '120.00',
      plafond: '48060.00',
    })
    expect(releve.temps.map((t) => [t.date, t.horaire, t.montant])).toEqual([
      ['2026-02-02', '60.00', '120.00'],
      ['2026-06-14', '60.00', '90.00'],
      ['2026-06-15', '70.00', '105.00'],
      ['2026-11-20', '70.00', '17.50'],
    ])
    expect(JSON.parse(JSON.stringify(releve))).toEqual(releve)
  })

  it('rounds each entry once, half up: 2.5 h at 58.33 € is 145.83 €', () => {
    const r = parseRegistre({
      personnes: [{ id: 'A', profession: 'kiné' }],
      taux: [{ profession: 'kine', depuis: '2026-01-01', horaire: '58.33' }],
      temps: [
        {
          personne: 'A',
          date: '2026-01-05',
          heures: '2.5',
          section: 'qualite',
          nature: 'remuneration',
        },
      ],
    })
    expect(r.temps[0]?.montant.toFixed()).toBe('145.83')
  })
})

/** 20 h at 100 €: 2 000 € an entry, two a month from January to October, then November. */
function bernard(extra: { date: string; heures: string }[]) {
  const temps = []
  for (let m = 1; m <= 10; m++) {
    const mm = String(m).padStart(2, '0')
    for (const day of ['15', '16']) {
      temps.push({
        personne: 'Dr Bernard',
        date: `2025-${mm}-${day}`,
        heures: '20',
        section: 'acces',
        nature: 'remuneration',
      })
    }
  }
  for (const e of extra)
    temps.push({ personne: 'Dr Bernard', ...e, section: 'parcours', nature: 'remuneration' })
  return {
    personnes: [{ id: 'Dr Bernard', profession: 'médecin généraliste' }],
    taux: [{ personne: 'Dr Bernard', depuis: '2025-01-01', horaire: '100' }],
    temps,
    options: { seuilAlerte: '90' },
  }
}

describe('a professional crossing the PASS 2025 (47 100 €) in November', () => {
  const calcul = calculerRegistre(
    parseRegistre(
      bernard([
        { date: '2025-11-05', heures: '20' }, // 42 000
        { date: '2025-11-19', heures: '20' }, // 44 000: past 90 % (42 390)
        { date: '2025-11-26', heures: '20' }, // 46 000
        { date: '2025-11-28', heures: '12' }, // 47 200: past the PASS
        { date: '2025-12-10', heures: '8' }, // 48 000
      ])
    )
  )

  it('says the overrun and the day the ceiling was crossed', () => {
    const [row] = calcul.plafonds
    expect(row?.total.toFixed(2)).toBe('48000.00')
    expect(row?.plafond?.toFixed(2)).toBe('47100.00')
    expect(row?.depassement?.toFixed(2)).toBe('900.00')
    expect(row?.reste?.toFixed(2)).toBe('0.00')
    expect(row?.statut).toBe('depasse')
    expect(row?.franchissement).toBe('2025-11-28')
    const [first] = calcul.constats
    expect(first).toMatchObject({
      code: 'PASS-DEPASSE',
      severity: 'error',
      personne: 'Dr Bernard',
      annee: 2025,
    })
    expect(first?.message).toContain('900,00')
    expect(first?.message).toContain('28/11/2025')
    expect(first?.source).toContain('D. 1434-44')
  })

  it('warns past the threshold the CPTS set, before the ceiling', () => {
    const close = calculerRegistre(parseRegistre(bernard([{ date: '2025-11-19', heures: '22' }])))
    // 40 000 + 2 200 = 42 200 < 42 390: nothing; with 24 h, 42 400 > 42 390: a warning.
    expect(close.constats).toEqual([])
    const warned = calculerRegistre(parseRegistre(bernard([{ date: '2025-11-19', heures: '24' }])))
    expect(warned.plafonds[0]?.statut).toBe('alerte')
    expect(warned.constats.map((c) => [c.code, c.severity])).toEqual([['PASS-ALERTE', 'warning']])
    const lower = calculerRegistre(
      parseRegistre({ ...bernard([]), options: { seuilAlerte: '80' } })
    )
    // 40 000 > 80 % of 47 100 (37 680).
    expect(lower.plafonds[0]?.seuil?.toFixed(2)).toBe('37680.00')
    expect(lower.plafonds[0]?.statut).toBe('alerte')
  })
})

describe('a fiscal year from July 2025 to June 2026', () => {
  const registre = parseRegistre({
    personnes: [{ id: 'Mme Petit', profession: 'masseur-kinésithérapeute' }],
    taux: [{ profession: 'Masseur kinésithérapeute', depuis: '2025-01-01', horaire: '50' }],
    temps: [
      {
        personne: 'Mme Petit',
        date: '2025-03-10',
        heures: '10',
        section: 'parcours',
        nature: 'remuneration',
      },
      {
        personne: 'Mme Petit',
        date: '2025-09-10',
        heures: '10',
        section: 'parcours',
        nature: 'remuneration',
      },
      // December's work paid in January counts in 2026, the year it is received.
      {
        personne: 'Mme Petit',
        date: '2025-12-20',
        heures: '4',
        section: 'fonctionnement',
        nature: 'indemnite',
        verse: '2026-01-10',
      },
      {
        personne: 'Mme Petit',
        date: '2026-02-10',
        heures: '10',
        section: 'prevention',
        nature: 'remuneration',
      },
      {
        personne: 'Mme Petit',
        date: '2026-08-10',
        heures: '10',
        section: 'prevention',
        nature: 'remuneration',
      },
    ],
    options: { exercice: { debut: '2025-07-01', fin: '2026-06-30' } },
  })
  const calcul = calculerRegistre(registre)

  it('counts the fiscal year’s entries for the amounts and the sections', () => {
    expect(calcul.temps.map((t) => t.date)).toEqual(['2025-09-10', '2025-12-20', '2026-02-10'])
    expect(calcul.total.montant.toFixed(2)).toBe('1200.00')
    expect(calcul.sections.map((s) => [s.section, s.montant.toFixed(2)])).toEqual([
      ['fonctionnement', '200.00'],
      ['parcours', '500.00'],
      ['prevention', '500.00'],
    ])
  })

  it('judges each calendar year it spans against its own PASS, over the whole calendar year', () => {
    expect(
      calcul.plafonds.map((p) => [
        p.annee,
        p.total.toFixed(2),
        p.plafond?.toFixed(2),
        p.temps.map((t) => t.date),
      ])
    ).toEqual([
      // March and September 2025 (December is received in 2026).
      [2025, '1000.00', '47100.00', ['2025-03-10', '2025-09-10']],
      // December 2025 paid 10 January, February and August 2026.
      [2026, '1200.00', '48060.00', ['2025-12-20', '2026-02-10', '2026-08-10']],
    ])
    expect(calcul.constats.map((c) => [c.code, c.annee])).toEqual([
      ['ANNEE-CIVILE', 2025],
      ['ANNEE-CIVILE', 2026],
      ['VERSEMENT-AUTRE-ANNEE', 2026],
    ])
    expect(calcul.constats[0]?.message).toContain('1 temps de 2025 hors de l’exercice')
  })
})

describe('a year without a PASS in the table', () => {
  it('is an error that says so, never a guess', () => {
    const calcul = calculerRegistre(
      parseRegistre({
        personnes: [{ id: 'A', profession: 'pharmacien' }],
        taux: [{ profession: 'pharmacien', depuis: '2026-01-01', horaire: '80' }],
        temps: [
          {
            personne: 'A',
            date: '2027-01-15',
            heures: '2',
            section: 'crise',
            nature: 'remuneration',
          },
        ],
      })
    )
    expect(calcul.plafonds[0]).toMatchObject({
      annee: 2027,
      statut: 'pass-inconnu',
      plafond: undefined,
    })
    expect(indemnitesJson(calcul).personnes[0]).toMatchObject({ plafond: null, depassement: null })
    expect(calcul.constats[0]).toMatchObject({
      code: 'PASS-INCONNU',
      severity: 'error',
      annee: 2027,
    })
    expect(calcul.constats[0]?.message).toMatch(/Le PASS de 2027 n’est pas dans la table/)
  })
})
