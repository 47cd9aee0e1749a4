// From observations to money on the taille-3 annex: amounts per indicator, action and mission, rates, the checks against the grid, crisis and non-crisis years, scenarios, the dialogue de gestion, and the rates the contract and the budget take.
import { describe, expect, it } from 'vitest'
import {
  budgetRates,
  contractRates,
  cutoffOf,
  dialogueJson,
  parseAnnexe,
  parseContract,
  resolveContext,
  scenariosJson,
  scenariosOf,
  scheduleOf,
  variable,
  variableJson,
  variableOf,
} from '../../../shared'
import { annexeTaille3, ENVELOPPES_TAILLE_3 } from './annexe-taille-3'

const annexe = parseAnnexe(annexeTaille3)

/** What the coordinator typed at the end of contract year 4. */
const observations = {
  'ald-sans-mt': 75, // ≤ 90 → 5 000
  'mt-orientes': 120, // ≥ 100 → 2 000
  'snp-creneaux': 40, // ≥ 40 → 6 000
  sas: true, // 3 000
  annuaire: true, // 4 000
  'delai-ophtalmo': 61, // ≤ 90 → 1 000
  teleexpertise: false, // 0
  'diabete-inclus': 149, // ≥ 100 → 10 000
  'diabete-protocole': true, // 5 000
  'sorties-visite': '41,5 %', // ≥ 40 → 10 000
  rcp: true, // 5 000
  // psy-convention: not observed → 0, listed
  'depistage-colorectal': 63, // ≥ 63 → 2 000
  hpv: 39.9, // < 40 → 0
  'actions-menees': 6, // ≥ 6 → 7 000
  'crise-activation': true, // 67 500 if the ARS recognised a crisis
  antibiotiques: 50, // ≤ 50 → 6 000
  'groupes-pairs': 3, // ≥ 2 → 3 000
  'nouveaux-ps': 10, // ≥ 10 → 6 000
  'maitres-stage': true, // 4 000
}

const year = { taille: 3, version: 'aci-avenant-2', phase: 'mise_a_jour' }

describe('a non-crisis year', () => {
  const result = variableOf(annexe, { ...year, crise: false }, observations)
  const json = variableJson(result)

  it('gives each mission its amount, its envelope from the grid, and its rate', () => {
    expect(json.missions.map((m) => [m.mission, m.montant, m.enveloppeVariable, m.taux])).toEqual([
      ['acces', '21000.00', '35000.00', '0.6'],
      ['parcours', '30000.00', '45000.00', '0.666666667'],
      ['prevention', '9000.00', '17500.00', '0.514285714'],
      ['crise', '0.00', '67500.00', '0'],
      ['qualite', '9000.00', '15000.00', '0.6'],
      ['accompagnement', '10000.00', '10000.00', '1'],
    ])
    // notes-aci-rates §4: the variable parts at taille 3, crisis included, total 190 000 €.
    expect(json.total).toEqual({ montant: '79000.00', enveloppeVariable: '190000.00' })
    for (const m of json.missions) {
      expect(m.enveloppeVariable).toBe(
        `${ENVELOPPES_TAILLE_3[m.mission as keyof typeof ENVELOPPES_TAILLE_3]}.00`
      )
    }
  })

  it('gives each indicator and each action its amount against its maximum', () => {
    const byId = Object.fromEntries(json.indicateurs.map((i) => [i.id, i]))
    expect(byId['ald-sans-mt']).toMatchObject({
      montant: '5000.00',
      max: '8000.00',
      palier: 2,
      statut: 'atteint',
      observation: '75',
    })
    expect(byId['sorties-visite']).toMatchObject({ montant: '10000.00', observation: '41.5' })
    expect(byId.teleexpertise).toMatchObject({ montant: '0.00', statut: 'non_atteint' })
    expect(byId.hpv).toMatchObject({ montant: '0.00', statut: 'non_atteint', palier: null })
    expect(byId['psy-convention']).toMatchObject({ statut: 'sans_observation', observation: null })
    expect(json.actions.find((a) => a.id === 'offre')).toMatchObject({
      montant: '5000.00',
      max: '12000.00',
    })
  })

  it('pays nothing for the crisis mission without a crisis recognised by the ARS, and says so', () => {
    const crise = result.indicateurs.find((i) => i.indicateur.id === 'crise-activation')
    expect(crise?.statut).toBe('crise_non_reconnue')
    expect(crise?.montant.toFixed(2)).toBe('0.00')
    expect(json.constats.find((c) => c.code === 'CRISE-CONDITIONNELLE')).toMatchObject({
      severity: 'info',
      mission: 'crise',
    })
    expect(json.constats.find((c) => c.code === 'CRISE-NON-RECONNUE')?.message).toBe(
      'Mission Crises sanitaires graves : les indicateurs observés rapporteraient 67\u202f500,00\u00a0€, mais aucune crise sanitaire grave n’est reconnue par l’ARS pour cette année : 0,00\u00a0€.'
    )
  })

  it('finds no error in an annex whose maxima add up to each envelope', () => {
    expect(json.constats.filter((c) => c.severity === 'error')).toEqual([])
  })
})

describe('a crisis year', () => {
  const result = variableOf(annexe, { ...year, crise: true }, observations)

  it('pays the crisis mission’s variable part', () => {
    const json = variableJson(result)
    expect(json.missions.find((m) => m.mission === 'crise')).toMatchObject({
      montant: '67500.00',
      taux: '1',
    })
    expect(json.total.montant).toBe('146500.00')
    expect(json.constats.map((c) => c.code)).not.toContain('CRISE-CONDITIONNELLE')
  })

  it('warns when a crisis is recognised but the annex has no crisis mission', () => {
    const withoutCrisis = parseAnnexe({
      missions: annexeTaille3.missions.filter((m) => m.mission !== 'crise'),
    })
    const codes = variableOf(withoutCrisis, { ...year, crise: true }, {}).constats.map(
      (c) => c.code
    )
    expect(codes).toContain('CRISE-HORS-ANNEXE')
  })
})

describe('checks against the grid', () => {
  it('reports a mission whose maxima do not add up to its envelope, naming the mission and the gap', () => {
    const short = JSON.parse(JSON.stringify(annexeTaille3)) as typeof annexeTaille3
    // Without the télé-expertise protocol (3 000 €), accès aux soins totals 32 000 €.
    short.missions[0]?.actions[2]?.indicateurs.pop()
    const constats = variableOf(parseAnnexe(short), { ...year, crise: false }, {}).constats
    const error = constats.find((c) => c.code === 'MAXIMA-ENVELOPPE')
    expect(error).toMatchObject({ severity: 'error', mission: 'acces' })
    expect(error?.ecart?.toFixed(2)).toBe('-3000.00')
    expect(error?.message).toBe(
      'Mission Accès aux soins (acces) : les maxima des indicateurs totalisent 32\u202f000,00\u00a0€ pour un volet variable de 35\u202f000,00\u00a0€ (barème aci-avenant-2, taille 3) : 3\u202f000,00\u00a0€ de moins.'
    )
    expect(constats[0]?.code).toBe('MAXIMA-ENVELOPPE')
  })

  it('reports maxima above the envelope, and caps the mission at its envelope', () => {
    const over = JSON.parse(JSON.stringify(annexeTaille3)) as typeof annexeTaille3
    const acc = over.missions[5]?.actions[0]?.indicateurs[1] as { max: string }
    acc.max = '6000' // accompagnement: 6 000 + 6 000 = 12 000 for 10 000
    const result = variableOf(parseAnnexe(over), { ...year, crise: false }, observations)
    expect(result.constats.find((c) => c.code === 'MAXIMA-ENVELOPPE')?.message).toContain(
      '2\u202f000,00\u00a0€ de trop'
    )
    const m = variableJson(result).missions.find((x) => x.mission === 'accompagnement')
    expect(m).toMatchObject({ montant: '10000.00', montantIndicateurs: '12000.00', taux: '1' })
    expect(result.constats.map((c) => c.code)).toContain('MISSION-PLAFONNEE')
  })

  it('reports tiers out of order and a written maximum that is not the best tier', () => {
    const bad = JSON.parse(JSON.stringify(annexeTaille3)) as {
      missions: { actions: { indicateurs: Record<string, unknown>[] }[] }[]
    }
    const ald = bad.missions[0]?.actions[0]?.indicateurs[0] as Record<string, unknown>
    // Written as if less were worse: amounts rising with the threshold on a « baisse » indicator.
    ald.paliers = [
      { seuil: '40', montant: '2000' },
      { seuil: '90', montant: '5000' },
      { seuil: '180', montant: '8000' },
    ]
    const dep = bad.missions[2]?.actions[0]?.indicateurs[0] as Record<string, unknown>
    dep.max = '3500'
    const constats = variableOf(parseAnnexe(bad), { ...year, crise: false }, {}).constats
    expect(constats.find((c) => c.code === 'PALIERS-ORDRE')).toMatchObject({
      severity: 'error',
      indicateur: 'ald-sans-mt',
    })
    expect(constats.find((c) => c.code === 'PALIERS-MAX')?.message).toContain(
      'maximum écrit 3\u202f500,00\u00a0€'
    )
  })

  it('reports a mission the grid of the year does not have (no crisis mission before avenant 2)', () => {
    const constats = variableOf(
      annexe,
      { taille: 3, version: 'aci-2019', crise: true },
      {}
    ).constats
    expect(constats.find((c) => c.code === 'MISSION-HORS-BAREME')).toMatchObject({
      mission: 'crise',
      severity: 'error',
    })
  })

  it('reads the grid of a date: the one in force on the contract year’s first day', () => {
    const result = variableOf(annexe, { taille: 3, version: '2025-12-19' }, {})
    expect(result.table.id).toBe('aci-avenant-2')
  })

  it('warns about observations and evidence for ids the annex does not have', () => {
    const codes = variableOf(
      annexe,
      year,
      { 'ald-sans-mt-2': 10 },
      { inconnue: [true] }
    ).constats.map((c) => c.code)
    expect(codes).toEqual(expect.arrayContaining(['OBSERVATION-INCONNUE', 'LIVRABLES-INCONNUS']))
  })

  it('warns about a percentage given as a fraction (0,63 for 63 %), instead of paying nothing silently', () => {
    const result = variableOf(annexe, year, { 'depistage-colorectal': 0.63 })
    expect(result.constats.find((c) => c.code === 'OBSERVATION-ECHELLE')?.message).toContain(
      'pour 63 %, écrivez 63'
    )
  })

  it('refuses a context that is not one: taille, crisis flag', () => {
    expect(() => variableOf(annexe, { taille: 5 }, {})).toThrow('taille')
    expect(() => variableOf(annexe, { taille: 3, crise: 'oui' }, {})).toThrow(
      'crise : true ou false attendu'
    )
  })
})

describe('evidence (livrables)', () => {
  const livrables = { mt: [true, false], snp: [true, true], offre: [true] }

  it('lists the evidence still missing, without deducting it by default', () => {
    const result = variableOf(annexe, { ...year, crise: false }, observations, livrables)
    const mt = result.constats.find((c) => c.code === 'LIVRABLES-MANQUANTS' && c.action === 'mt')
    expect(mt?.message).toBe(
      'Action mt (Accès aux soins) : livrable manquant : Compte rendu de la cellule d’orientation.'
    )
    expect(result.constats.find((c) => c.action === 'snp')).toBeUndefined()
    expect(variableJson(result).missions[0]?.montant).toBe('21000.00')
  })

  it('withholds an action’s indicators while evidence is missing when the option asks for it', () => {
    const result = variableOf(annexe, { ...year, crise: false }, observations, livrables, {
      exigerLivrables: true,
    })
    // mt (5 000 + 2 000) is withheld: 21 000 − 7 000.
    expect(variableJson(result).missions[0]?.montant).toBe('14000.00')
    expect(result.indicateurs.find((i) => i.indicateur.id === 'ald-sans-mt')?.statut).toBe(
      'livrables_manquants'
    )
  })

  it('refuses a status list that does not match the action’s evidence', () => {
    expect(() => variableOf(annexe, year, {}, { mt: [true] })).toThrow(
      'livrables.mt : liste de 2 valeurs true/false attendue'
    )
  })
})

describe('scenarios for the budget, side by side', () => {
  it('objectifs atteints, socle seulement, rien', () => {
    const scenarios = scenariosJson(scenariosOf(annexe, resolveContext({ ...year, crise: false })))
    expect(scenarios.map((s) => [s.code, s.total])).toEqual([
      // Every envelope but the crisis one: 190 000 − 67 500.
      ['objectifs_atteints', '122500.00'],
      // Lowest tiers: accès 2 000 + 1 000 + 3 000 + 1 000, binaries 3 000 + 4 000 + 3 000 = 17 000;
      // parcours 5 000 + 5 000 + 5 000 + 5 000 + 5 000 = 25 000; prévention 1 000 + 2 500 + 2 000 = 5 500;
      // qualité 2 000 + 3 000 = 5 000; accompagnement 2 000 + 4 000 = 6 000.
      ['socle_seulement', '58500.00'],
      ['rien', '0.00'],
    ])
    expect(scenarios[1]?.missions[0]).toEqual({
      mission: 'acces',
      montant: '17000.00',
      taux: '0.485714286',
    })
    const crisis = scenariosOf(annexe, resolveContext({ ...year, crise: true }))
    expect(crisis[0]?.resultat.montant.toFixed(2)).toBe('190000.00')
  })
})

describe('the dialogue de gestion', () => {
  it('per mission: reached and not, the claim against the envelope, the evidence still missing', () => {
    const dialogue = dialogueJson(
      variableOf(annexe, { ...year, crise: false }, observations, { mt: [true, false] })
    )
    const acces = dialogue.missions[0]
    expect(acces).toMatchObject({
      mission: 'acces',
      montantReclame: '21000.00',
      enveloppeVariable: '35000.00',
      taux: '0.6',
    })
    expect(acces?.atteints.map((i) => i.id)).toEqual([
      'ald-sans-mt',
      'mt-orientes',
      'snp-creneaux',
      'sas',
      'annuaire',
      'delai-ophtalmo',
    ])
    expect(acces?.nonAtteints.map((i) => [i.id, i.statut])).toEqual([
      ['teleexpertise', 'non_atteint'],
    ])
    expect(acces?.livrablesManquants[0]).toEqual({
      action: 'mt',
      libelle: 'Faciliter l’accès à un médecin traitant',
      livrables: ['Compte rendu de la cellule d’orientation'],
    })
    expect(dialogue.missions[1]?.sansObservation.map((i) => i.id)).toEqual(['psy-convention'])
    expect(dialogue.missions[3]?.nonAtteints[0]?.statut).toBe('crise_non_reconnue')
    // Plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(dialogue))).toEqual(dialogue)
  })
})

describe('the rates feed what takes a rate today', () => {
  const year4 = variableOf(annexe, { ...year, crise: true }, observations)
  const rates = contractRates([undefined, undefined, undefined, year4, undefined], {
    prevention: '0.5',
  })

  it('in the contract’s shape: five rates per mission, the crisis as recognised or not', () => {
    expect(rates.missions.acces).toEqual({ taux: ['1', '1', '1', '0.6', '1'] })
    expect(rates.missions.prevention).toEqual({
      taux: ['0.5', '0.5', '0.5', '0.514285714', '0.5'],
    })
    expect(rates.missions.crise).toEqual({ crisesReconnues: [false, false, false, true, false] })
  })

  // A contract signed on 19/12/2022, every mission started at signature: year 4 runs from 19/12/2025.
  const contrat = {
    signature: '2022-12-19',
    taille: 3,
    version: 'aci-avenant-2',
    missions: (
      ['acces', 'parcours', 'prevention', 'crise', 'qualite', 'accompagnement'] as const
    ).map((mission) => ({ mission, debut: '2022-12-19', ...rates.missions[mission] })),
  }

  it('scheduleOf pays year 4’s variable part at the indicators’ amounts, to the cent', () => {
    const schedule = scheduleOf(parseContract(contrat))
    const variables = schedule.paiements
      .filter((p) => p.nature === 'variable' && p.annee === 4)
      .map((p) => [p.mission, p.montant.toFixed(2)])
    expect(variables).toEqual([
      ['acces', '21000.00'],
      ['parcours', '30000.00'],
      ['prevention', '9000.00'],
      ['crise', '67500.00'],
      ['qualite', '9000.00'],
      ['accompagnement', '10000.00'],
    ])
    // The rate rounded to nine decimals gives back the amount: 17 500 × 0.514285714 = 8 999.999995.
    expect(variable('prevention', 3, '0.514285714', 'aci-avenant-2').toFixed(2)).toBe('9000.00')
  })

  it('cutoffOf accepts the same contract', () => {
    // Year 4 (19/12/2025 – 18/12/2026) falls in the 2026 fiscal year; its variable part, recognised
    // over its period, is the indicators' amount.
    const cutoff = cutoffOf(
      parseContract(contrat),
      { debut: '2026-01-01', fin: '2026-12-31' },
      { variable: 'periode' }
    )
    const acces = cutoff.lignes.find((l) => l.droit.id === 'a4-variable-acces')
    expect(acces?.droit.montant.toFixed(2)).toBe('21000.00')
    expect(acces?.produit.toFixed(2)).toBe('20252.05') // 21 000 × 352/365: 1 January to 18 December 2026
  })

  it('in the budget profile’s shape: one rate per mission', () => {
    expect(budgetRates(year4)).toEqual({
      acces: '0.6',
      parcours: '0.666666667',
      prevention: '0.514285714',
      crise: '1',
      qualite: '0.6',
      accompagnement: '1',
    })
  })

  it('says when a partial crisis amount can only be carried as recognised or not', () => {
    const half = parseAnnexe({
      missions: [
        {
          mission: 'crise',
          actions: [
            {
              id: 'c',
              libelle: 'Crise',
              indicateurs: [
                { id: 'c1', libelle: 'Plan activé', type: 'binaire', max: '33750' },
                { id: 'c2', libelle: 'Retour d’expérience', type: 'binaire', max: '33750' },
              ],
            },
          ],
        },
      ],
    })
    const r = variableOf(half, { taille: 3, version: 'aci-avenant-2', crise: true }, { c1: true })
    const carried = contractRates([r])
    expect(carried.missions.crise).toEqual({ crisesReconnues: [true, false, false, false, false] })
    expect(carried.remarques[0]).toContain('Année 1, mission crise : 0.5 de l’enveloppe atteint')
  })
})
