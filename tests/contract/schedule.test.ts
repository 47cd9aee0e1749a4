// The payment schedule, worked by hand: the notes' example, a contract signed mid-year, a late mission, a change of taille, a crisis year.
import { describe, expect, it } from 'vitest'
import {
  cutoffOf,
  parseContract,
  type Schedule,
  scheduleJson,
  scheduleOf,
} from '../../shared/contract'

/** The payments as [date, id, amount]: what a treasurer reads on the schedule. */
function rows(schedule: Schedule): [string, string, string][] {
  return schedule.paiements.map((p) => [p.date, p.id, p.montant.toFixed(2)])
}

function payment(schedule: Schedule, id: string) {
  const found = schedule.paiements.find((p) => p.id === id)
  if (found === undefined) throw new Error(`pas de versement ${id}`)
  return found
}

describe('échéancier : l’exemple des notes (§9.8)', () => {
  // Grid V2022 (aci-avenant-2), taille 3, accès aux soins, anniversary 15 April, mission started 15/10/2022.
  const doc = {
    signature: '2022-04-15',
    taille: 3,
    missions: [{ mission: 'acces', debut: '2022-10-15' }],
  }

  it('prorata in days: 182/365, advance 33 657,53 €, balance 11 219,18 €, year-2 advance 67 500 €', () => {
    const s = scheduleOf(parseContract(doc))
    // 15/10/2022 → 15/04/2023: 17 + 30 + 31 + 31 + 28 + 31 + 14 = 182 days, of a 365-day contract year.
    // Advance: 0,75 × 90 000 × 182/365 = 12 285 000 / 365 = 33 657,534… → 33 657,53.
    const advance = payment(s, 'a1-fixe_avance-acces')
    expect(advance.date).toBe('2022-10-15')
    expect(advance.montant.toFixed(2)).toBe('33657.53')
    expect(advance.base).toBe('75\u00a0% × 90\u202f000,00\u00a0€ × 182/365 jours')
    expect(advance.periode).toEqual({ du: '2022-10-15', au: '2023-04-14' })
    // Year 1 fixed: 90 000 × 182/365 = 44 876,712… → 44 876,71; balance 44 876,71 − 33 657,53 = 11 219,18.
    const balance = payment(s, 'a1-fixe_solde-acces')
    expect(balance.montant.toFixed(2)).toBe('11219.18')
    expect(balance.date).toBe('2023-06-15') // the anniversary + 2 months (dialogue de gestion)
    expect(balance.base).toContain('= 44\u202f876,71\u00a0€ − 33\u202f657,53\u00a0€ d’avance')
    // Year 2: 75 % × 90 000 = 67 500 at the anniversary.
    const year2 = payment(s, 'a2-fixe_avance-acces')
    expect([year2.date, year2.montant.toFixed(2)]).toEqual(['2023-04-15', '67500.00'])
    // The variable of year 1 (complete by default): 35 000 at 100 %.
    expect(payment(s, 'a1-variable-acces').montant.toFixed(2)).toBe('35000.00')
  })

  it('prorata in months: 6/12, advance 33 750,00 €, balance 11 250,00 €', () => {
    const s = scheduleOf(parseContract({ ...doc, options: { prorata: 'mois' } }))
    // 0,75 × 90 000 × 6/12 = 33 750; 90 000 × 6/12 = 45 000; 45 000 − 33 750 = 11 250.
    expect(payment(s, 'a1-fixe_avance-acces').montant.toFixed(2)).toBe('33750.00')
    expect(payment(s, 'a1-fixe_solde-acces').montant.toFixed(2)).toBe('11250.00')
    expect(payment(s, 'a1-fixe_avance-acces').base).toBe(
      '75\u00a0% × 90\u202f000,00\u00a0€ × 6/12 mois'
    )
  })

  it('with no delay, the balance, the variable and the year-2 advance all fall on 15/04/2023, balances first', () => {
    const s = scheduleOf(
      parseContract({ ...doc, options: { delaiVariableMois: 0, delaiSoldeMois: 0 } })
    )
    expect(rows(s).filter(([date]) => date === '2023-04-15')).toEqual([
      ['2023-04-15', 'a1-fixe_solde-acces', '11219.18'],
      ['2023-04-15', 'a1-variable-acces', '35000.00'],
      ['2023-04-15', 'a2-fonctionnement_avance', '56250.00'],
      ['2023-04-15', 'a2-fixe_avance-acces', '67500.00'],
    ])
  })
})

describe('échéancier : contrat signé en cours d’année', () => {
  // Signed 1 July 2023, taille 2, parcours from the signature at an expected rate of 80 %.
  const s = scheduleOf(
    parseContract({
      signature: '2023-07-01',
      taille: 2,
      missions: [{ mission: 'parcours', debut: '2023-07-01', taux: '0.8' }],
    })
  )

  it('year 1: fonctionnement in full at signature, 75 % of the fixed part with no prorata', () => {
    // Taille 2 (V2022): fonctionnement 60 000; parcours fixe 35 000, variable 35 000.
    // Fixed advance 0,75 × 35 000 = 26 250; balance 8 750 on 01/09/2024; variable 35 000 × 0,8 = 28 000.
    expect(rows(s).slice(0, 5)).toEqual([
      ['2023-07-01', 'a1-fonctionnement_integral', '60000.00'],
      ['2023-07-01', 'a1-fixe_avance-parcours', '26250.00'],
      ['2024-07-01', 'a2-fonctionnement_avance', '45000.00'],
      ['2024-07-01', 'a2-fixe_avance-parcours', '26250.00'],
      ['2024-09-01', 'a1-fixe_solde-parcours', '8750.00'],
    ])
    expect(payment(s, 'a1-variable-parcours').montant.toFixed(2)).toBe('28000.00')
    expect(payment(s, 'a1-variable-parcours').base).toBe('35\u202f000,00\u00a0€ × taux 80\u00a0%')
    // Fonctionnement of year 2: 75 % = 45 000 at the anniversary, 15 000 balance two months after the next.
    expect(payment(s, 'a2-fonctionnement_solde').date).toBe('2025-09-01')
    expect(payment(s, 'a2-fonctionnement_solde').montant.toFixed(2)).toBe('15000.00')
  })

  it('five years: 5 × 60 000 + 5 × 35 000 + 5 × 28 000 = 615 000, the last payments two months after the end', () => {
    expect(s.totaux.total.toFixed(2)).toBe('615000.00')
    expect(s.totaux.fonctionnement.toFixed(2)).toBe('300000.00')
    expect(s.totaux.fixe.toFixed(2)).toBe('175000.00')
    expect(s.totaux.variable.toFixed(2)).toBe('140000.00')
    expect(s.fin).toBe('2028-06-30')
    expect(s.paiements.at(-1)?.date).toBe('2028-09-01')
    // 1 integral + 4 × (advance + balance) of fonctionnement, 5 × (advance + balance + variable) for parcours.
    expect(s.paiements).toHaveLength(1 + 8 + 15)
  })

  it('the JSON form carries amounts as decimal strings', () => {
    const json = scheduleJson(s)
    expect(json.paiements[0]).toMatchObject({
      id: 'a1-fonctionnement_integral',
      montant: '60000.00',
      nature: 'fonctionnement_integral',
      droit: 'a1-fonctionnement',
    })
    expect(json.totaux.total).toBe('615000.00')
    expect(json.parAnnee[0]).toMatchObject({
      annee: 1,
      version: 'aci-avenant-2',
      total: '123000.00',
    })
  })
})

describe('échéancier : mission démarrée des mois après la signature', () => {
  // Signed 15/01/2024, taille 1, prévention (fixe 10 000, variable 10 000) started 01/09/2024.
  const doc = {
    signature: '2024-01-15',
    taille: 1,
    missions: [{ mission: 'prevention', debut: '2024-09-01' }],
  }

  it('days: 136/366 (2024 is a leap year)', () => {
    const s = scheduleOf(parseContract(doc))
    // 01/09/2024 → 15/01/2025: 30 + 31 + 30 + 31 + 14 = 136 days; 15/01/2024 → 15/01/2025: 366 days.
    // Advance 7 500 × 136/366 = 2 786,885… → 2 786,89; year 10 000 × 136/366 = 3 715,846… → 3 715,85.
    expect(payment(s, 'a1-fixe_avance-prevention').montant.toFixed(2)).toBe('2786.89')
    expect(payment(s, 'a1-fixe_solde-prevention').montant.toFixed(2)).toBe('928.96')
    // The variable of the start year is complete by default.
    expect(payment(s, 'a1-variable-prevention').montant.toFixed(2)).toBe('10000.00')
    expect(s.parMission[0]?.fixe.toFixed(2)).toBe('43715.85') // 3 715,85 + 4 × 10 000
  })

  it('months begun: 5/12; the variable prorated on request', () => {
    const s = scheduleOf(
      parseContract({ ...doc, options: { prorata: 'mois', variablePremiereAnnee: 'prorata' } })
    )
    // 01/09/2024 + 4 months = 01/01/2025 < 15/01/2025, + 5 months ≥: 5 months begun.
    // Advance 7 500 × 5/12 = 3 125; year 10 000 × 5/12 = 4 166,666… → 4 166,67; balance 1 041,67.
    expect(payment(s, 'a1-fixe_avance-prevention').montant.toFixed(2)).toBe('3125.00')
    expect(payment(s, 'a1-fixe_solde-prevention').montant.toFixed(2)).toBe('1041.67')
    expect(payment(s, 'a1-variable-prevention').montant.toFixed(2)).toBe('4166.67')
    const codes = s.hypotheses.filter((h) => !h.parDefaut).map((h) => h.code)
    expect(codes).toEqual(['prorata', 'variable_premiere_annee'])
  })
})

describe('échéancier : changement de taille à un anniversaire', () => {
  it('taille 2 for two years, then 3: the new amounts from the year-3 advance', () => {
    const s = scheduleOf(
      parseContract({
        signature: '2022-06-01',
        taille: [2, 2, 3, 3, 3],
        missions: [{ mission: 'acces', debut: '2022-06-01' }],
      })
    )
    // Year 2, taille 2: accès fixe 70 000 → 52 500 + 17 500; fonctionnement 60 000 → 45 000 + 15 000.
    expect(payment(s, 'a2-fixe_avance-acces').montant.toFixed(2)).toBe('52500.00')
    expect(payment(s, 'a2-fixe_solde-acces').montant.toFixed(2)).toBe('17500.00')
    // Year 3, taille 3: accès fixe 90 000 → 67 500 on 01/06/2024; fonctionnement 75 000 → 56 250.
    expect(payment(s, 'a3-fixe_avance-acces').montant.toFixed(2)).toBe('67500.00')
    expect(payment(s, 'a3-fonctionnement_avance').montant.toFixed(2)).toBe('56250.00')
    // The balance of year 2 paid in year 3 stays at taille 2.
    expect(payment(s, 'a2-fixe_solde-acces').date).toBe('2024-08-01')
    expect(s.parAnnee.map((y) => [y.taille, y.total.toFixed(2)])).toEqual([
      [2, '160000.00'], // 60 000 + 70 000 + 30 000
      [2, '160000.00'],
      [3, '200000.00'], // 75 000 + 90 000 + 35 000
      [3, '200000.00'],
      [3, '200000.00'],
    ])
  })

  it('the same from the population, read with each year’s thresholds', () => {
    const byPopulation = scheduleOf(
      parseContract({
        signature: '2022-06-01',
        population: [70_000, 79_999, 80_000, 120_000, 174_999],
        missions: [{ mission: 'acces', debut: '2022-06-01' }],
      })
    )
    expect(byPopulation.parAnnee.map((y) => y.taille)).toEqual([2, 2, 3, 3, 3])
    expect(byPopulation.hypotheses.find((h) => h.code === 'taille_annee_3')?.texte).toContain(
      'population de 80\u202f000 habitants'
    )
  })
})

describe('échéancier : mission crise et année de crise', () => {
  const s = scheduleOf(
    parseContract({
      signature: '2022-06-01',
      taille: 3,
      missions: [
        {
          mission: 'crise',
          debut: '2022-06-01',
          crisesReconnues: [false, true, false, false, false],
        },
      ],
    })
  )

  it('year 1 writes the plan (45 000), later years update it (22 500), the crisis of year 2 pays 67 500', () => {
    // Year 1: 0,75 × 45 000 = 33 750 at signature, 11 250 on 01/08/2023; no crisis, no variable.
    expect(payment(s, 'a1-fixe_avance-crise').montant.toFixed(2)).toBe('33750.00')
    expect(payment(s, 'a1-fixe_solde-crise').montant.toFixed(2)).toBe('11250.00')
    expect(s.paiements.some((p) => p.id === 'a1-variable-crise')).toBe(false)
    // Year 2: 0,75 × 22 500 = 16 875 on 01/06/2023, 5 625 on 01/08/2024, crisis variable 67 500 the same day.
    expect(payment(s, 'a2-fixe_avance-crise').montant.toFixed(2)).toBe('16875.00')
    expect(payment(s, 'a2-variable-crise').date).toBe('2024-08-01')
    expect(payment(s, 'a2-variable-crise').montant.toFixed(2)).toBe('67500.00')
    expect(payment(s, 'a2-variable-crise').base).toContain('crise sanitaire grave reconnue')
    // 45 000 + 4 × 22 500 + 67 500 = 202 500.
    expect(s.parMission[0]?.total.toFixed(2)).toBe('202500.00')
    expect(s.hypotheses.find((h) => h.code === 'phases_crise')?.valeur).toBe(
      'redaction,mise_a_jour,mise_a_jour,mise_a_jour,mise_a_jour'
    )
  })

  it('phases given per year replace the default', () => {
    const again = scheduleOf(
      parseContract({
        signature: '2022-06-01',
        taille: 3,
        missions: [
          {
            mission: 'crise',
            debut: '2022-06-01',
            phases: ['redaction', 'redaction', 'mise_a_jour', 'mise_a_jour', 'mise_a_jour'],
          },
        ],
      })
    )
    expect(again.parMission[0]?.fixe.toFixed(2)).toBe('157500.00') // 2 × 45 000 + 3 × 22 500
  })
})

describe('échéancier : barème par année et hypothèses', () => {
  it('a contract signed in 2021 switches grid at its 2022 anniversary, and year 1 is flagged', () => {
    const s = scheduleOf(
      parseContract({
        signature: '2021-09-01',
        taille: 3,
        missions: [{ mission: 'acces', debut: '2021-09-01' }],
      })
    )
    expect(s.parAnnee.map((y) => y.version)).toEqual([
      'aci-2019',
      'aci-avenant-2',
      'aci-avenant-2',
      'aci-avenant-2',
      'aci-avenant-2',
    ])
    // aci-2019, taille 3: accès fixe 25 000 + SNP compensation 15 000 + enveloppe fléchée 55 000
    // (fixed lines of that grid) = 95 000, × 0,75 = 71 250 in year 1; 90 000 × 0,75 from year 2.
    expect(payment(s, 'a1-fixe_avance-acces').montant.toFixed(2)).toBe('71250.00')
    expect(payment(s, 'a2-fixe_avance-acces').montant.toFixed(2)).toBe('67500.00')
    const year1 = s.hypotheses.find((h) => h.code === 'bareme_annee_1')
    expect(year1?.texte).toContain(
      'le barème aci-avenant-2 prend effet le 01/04/2022, pendant cette année'
    )
  })

  it('a payment of the 2019 grid names its soins non programmés pieces, and the straddling year says they were counted as fixed parts', () => {
    const s = scheduleOf(
      parseContract({
        signature: '2021-09-01',
        taille: 3,
        missions: [{ mission: 'acces', debut: '2021-09-01' }],
      })
    )
    expect(payment(s, 'a1-fixe_avance-acces').base).toBe(
      '75\u00a0% × 95\u202f000,00\u00a0€ (volet fixe 25\u202f000,00\u00a0€ + soins non programmés, compensation des professionnels de santé 15\u202f000,00\u00a0€ + soins non programmés, enveloppe fléchée 55\u202f000,00\u00a0€)'
    )
    expect(payment(s, 'a2-fixe_avance-acces').base).toBe('75\u00a0% × 90\u202f000,00\u00a0€')
    const year1 = s.hypotheses.find((h) => h.code === 'bareme_annee_1')?.texte ?? ''
    expect(year1).toContain('sont comptées dans le volet fixe')
    expect(year1).toContain('soins non programmés')
    expect(s.hypotheses.find((h) => h.code === 'bareme_annee_2')?.texte).not.toContain(
      'soins non programmés'
    )
  })

  it('hypotheses cite public sources, never internal notes', () => {
    const contract = parseContract({
      signature: '2021-09-01',
      taille: 3,
      missions: [
        { mission: 'acces', debut: '2021-09-01' },
        { mission: 'crise', debut: '2022-09-01' },
      ],
    })
    const texts = [
      ...scheduleOf(contract).hypotheses,
      ...cutoffOf(contract, { debut: '2023-01-01', fin: '2023-12-31' }).hypotheses,
      ...cutoffOf(
        contract,
        { debut: '2023-01-01', fin: '2023-12-31' },
        { variable: 'periode', repartition: 'mois' }
      ).hypotheses,
    ].map((h) => h.texte)
    for (const text of texts) {
      expect(text).not.toMatch(/notes|§|question ouverte|questions ouvertes|B\.\d/i)
    }
    expect(texts.join(' ')).toContain('JORF n° 0196 du 24 août 2019')
    expect(texts.join(' ')).toContain('JO du 31 mars 2022')
  })

  it('a version named for the whole contract applies to every year', () => {
    const s = scheduleOf(
      parseContract({
        signature: '2021-09-01',
        version: 'ACI-AVENANT-2',
        taille: 3,
        missions: [],
      })
    )
    expect(s.parAnnee.every((y) => y.version === 'aci-avenant-2')).toBe(true)
    expect(s.hypotheses.find((h) => h.code === 'bareme_annee_1')?.parDefaut).toBe(false)
  })

  it('every choice left open is listed with its value, its default and a French sentence', () => {
    const s = scheduleOf(
      parseContract({
        signature: '2023-01-01',
        taille: 1,
        missions: [{ mission: 'qualite', debut: '2023-03-01' }],
      })
    )
    expect(s.hypotheses.map((h) => h.code)).toEqual([
      'fonctionnement_annee_1',
      'prorata',
      'variable_premiere_annee',
      'date_variable',
      'date_solde',
      'arrondi',
      'bareme_annee_1',
      'bareme_annee_2',
      'bareme_annee_3',
      'bareme_annee_4',
      'bareme_annee_5',
      'taux_qualite',
    ])
    expect(s.hypotheses.every((h) => h.parDefaut)).toBe(true)
    expect(s.hypotheses.find((h) => h.code === 'date_solde')?.valeur).toBe('anniversaire + 2 mois')
    expect(s.hypotheses.find((h) => h.code === 'prorata')?.texte).toContain('contrat type art. 6.2')
  })
})
