// checkBudget, sections against envelopes: a worked example per rule, amounts computed by hand.
import { describe, expect, it } from 'vitest'
import { type BudgetDocument, checkBudget, parseBudget } from '../../shared'
import {
  check,
  cleanBudget,
  codes,
  direct,
  errorOf,
  findingsOf,
  only,
  withLines,
  withProfil,
} from './support/budgets'

describe('budget propre', () => {
  it('each section spends exactly its envelope: every status is within, no finding', () => {
    const report = check(cleanBudget())
    expect(report.findings).toEqual([])
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 })
    expect(report.sections.map((s) => [s.section, s.charges, s.enveloppe, s.status])).toEqual([
      ['fonctionnement', '60000.00', '60000.00', 'within'],
      ['acces', '100000.00', '100000.00', 'within'],
      ['parcours', '70000.00', '70000.00', 'within'],
      ['prevention', '30000.00', '30000.00', 'within'],
      ['crise', '17500.00', '17500.00', 'within'],
      ['qualite', '0.00', null, 'no_envelope'],
      ['accompagnement', '0.00', null, 'no_envelope'],
      ['hors_aci', '0.00', null, 'no_envelope'],
    ])
    expect(report.totaux).toMatchObject({
      charges: '277500.00',
      produits: '277500.00',
      resultat: '0.00',
      chargesSectionsAci: '277500.00',
      enveloppe: '277500.00',
      status: 'within',
      difference: null,
      produitsAci: '277500.00',
      nonReparti: '0.00',
    })
    expect(report.references.bareme.id).toBe('aci-avenant-2')
    expect(report.references.planComptable.id).toBe('pca-2025')
  })

  it('the crisis envelope follows the phase and the rate: first writing 35 000 + 52 500 × 0,4 = 56 000', () => {
    const report = check(
      withProfil({
        missions: [
          { mission: 'acces', debut: '2023-03-01' },
          { mission: 'parcours', debut: '2023-03-01' },
          { mission: 'prevention', debut: '2023-03-01' },
          { mission: 'crise', debut: '2023-03-01', taux: '0.4' },
        ],
      })
    )
    const crise = report.sections.find((s) => s.section === 'crise')
    expect(crise).toMatchObject({
      enveloppe: '56000.00',
      charges: '17500.00',
      status: 'under',
      difference: '38500.00',
      statusLabel: 'sous l’enveloppe de 38\u202f500,00\u00a0€',
      detail: {
        fixe: '35000.00',
        variableMax: '52500.00',
        taux: '0.4',
        variable: '21000.00',
        phase: 'redaction',
      },
    })
  })
})

describe('dépassements', () => {
  it('a mission over its envelope: warning with charges, envelope and the excess', () => {
    // Parcours: 70 000 + 4 500 = 74 500 for 35 000 + 35 000 = 70 000 → over by 4 500.
    const report = check(withLines(direct('6251', 'Déplacements parcours', '4500.00', 'parcours')))
    const f = only(report, 'ENVELOPPE-DEPASSEE')
    expect(f).toMatchObject({
      severity: 'warning',
      section: 'parcours',
      amounts: { charges: '74500.00', enveloppe: '70000.00', depassement: '4500.00' },
    })
    expect(f.message).toBe(
      'Mission Parcours pluriprofessionnels : 74\u202f500,00\u00a0€ de charges pour une enveloppe de 70\u202f000,00\u00a0€ (volet fixe 35\u202f000,00\u00a0€ + volet variable 35\u202f000,00\u00a0€ au taux de 100\u00a0%), dépassement de 4\u202f500,00\u00a0€.'
    )
    const parcours = report.sections.find((s) => s.section === 'parcours')
    expect(parcours).toMatchObject({ status: 'over', difference: '4500.00' })
  })

  it('fonctionnement over its envelope is an info: the usual case the Sénat describes', () => {
    const report = check(withLines(direct('6132', 'Loyer', '1200.00', 'fonctionnement')))
    expect(only(report, 'FONC-DEPASSEE')).toMatchObject({
      severity: 'info',
      section: 'fonctionnement',
      amounts: { charges: '61200.00', enveloppe: '60000.00', depassement: '1200.00' },
    })
  })

  it('the ACI sections over the total envelope: warning; hors ACI charges do not count', () => {
    // 277 500 + 2 000 (fonctionnement) = 279 500 > 277 500; the 9 000 hors ACI stay apart.
    const report = check(
      withLines(
        direct('6132', 'Loyer', '2000.00', 'fonctionnement'),
        direct('604', 'Action financée par la commune', '9000.00', 'hors_aci')
      )
    )
    expect(only(report, 'TOTAL-DEPASSE')).toMatchObject({
      severity: 'warning',
      section: null,
      amounts: {
        chargesSectionsAci: '279500.00',
        enveloppe: '277500.00',
        depassement: '2000.00',
      },
    })
    expect(report.totaux).toMatchObject({
      charges: '288500.00',
      chargesSectionsAci: '279500.00',
      chargesHorsAci: '9000.00',
      status: 'over',
      difference: '2000.00',
    })
  })

  it('planned charges under the envelope: status under by the gap, no finding', () => {
    const doc = cleanBudget()
    const lignes = doc.lignes.map((l) =>
      l.libelle === 'Actions de prévention' ? direct('604', l.libelle, '26000.00', 'prevention') : l
    )
    const report = check(parseBudget({ ...doc, lignes }))
    const prevention = report.sections.find((s) => s.section === 'prevention')
    expect(prevention).toMatchObject({ status: 'under', difference: '4000.00' })
    expect(codes(report)).toEqual(['SENAT-THESAURISATION'])
  })
})

describe('missions hors contrat', () => {
  it('charges on a mission of the version that the contract does not engage: error', () => {
    const report = check(withLines(direct('604', 'Groupe qualité', '2000.00', 'qualite')))
    const f = only(report, 'MISSION-NON-ENGAGEE')
    expect(f).toMatchObject({
      severity: 'error',
      section: 'qualite',
      amounts: { charges: '2000.00' },
    })
    expect(f.message).toBe(
      '2\u202f000,00\u00a0€ de charges sont affectés à la mission Qualité et pertinence des soins, qui n’est pas engagée au contrat : aucune enveloppe ACI ne les finance.'
    )
    expect(report.sections.find((s) => s.section === 'qualite')).toMatchObject({
      engagee: false,
      enveloppe: null,
      status: 'no_envelope',
      statusLabel: 'mission non engagée : sans enveloppe',
    })
  })

  it('a mission that starts after the financial year is not engaged for it', () => {
    const doc = cleanBudget()
    const report = check(
      parseBudget({
        profil: {
          ...doc.profil,
          missions: [...doc.profil.missions, { mission: 'qualite', debut: '2026-02-01' }],
        },
        lignes: [...doc.lignes, direct('604', 'Groupe qualité', '2000.00', 'qualite')],
      })
    )
    expect(only(report, 'MISSION-NON-ENGAGEE').message).toMatch(
      /qui ne démarre que le 01\/02\/2026, après la fin de l’exercice/
    )
  })

  it('the crisis mission under aci-2019, engaged or charged: error, no envelope', () => {
    // Signed in 2021: aci-2019, which has no crisis mission (it came with avenant 2).
    const report = check(withProfil({ signature: '2021-06-01' }))
    const f = only(report, 'MISSION-HORS-BAREME')
    expect(f).toMatchObject({
      severity: 'error',
      section: 'crise',
      amounts: { charges: '17500.00' },
    })
    expect(f.message).toBe(
      'La mission Crises sanitaires graves n’existe pas dans le barème aci-2019 (ACI CPTS du 20 juin 2019, en vigueur depuis le 25/08/2019), où le profil l’engage : 17\u202f500,00\u00a0€ de charges lui sont affectés, qu’aucune enveloppe ACI ne finance.'
    )
    // The same contract declared as amended by avenant 2 uses that grid.
    expect(
      findingsOf(
        check(withProfil({ signature: '2021-06-01', version: 'aci-avenant-2' })),
        'MISSION-HORS-BAREME'
      )
    ).toEqual([])
  })
})

describe('fongibilité (scénario)', () => {
  it('a mission over, the missions under in total: the what-if says the excess would be covered', () => {
    // Parcours +4 500 over; prévention −6 000 under: missions 211 000 for 217 500 of envelopes.
    const doc = cleanBudget()
    const lignes = [
      ...doc.lignes.map((l) =>
        l.libelle === 'Actions de prévention'
          ? direct('604', l.libelle, '24000.00', 'prevention')
          : l
      ),
      direct('6251', 'Déplacements parcours', '4500.00', 'parcours'),
    ]
    const report = check(parseBudget({ ...doc, lignes }))
    expect(report.fongibilite).toMatchObject({
      scenario: true,
      charges: '216000.00',
      enveloppe: '217500.00',
      status: 'under',
      difference: '1500.00',
    })
    expect(report.fongibilite.label).toMatch(/^Scénario non autorisé par les règles actuelles/)
    const f = only(report, 'FONGIBILITE')
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(
      /^Scénario hors règles actuelles .* le dépassement de la mission Parcours pluriprofessionnels serait couvert par les autres missions\./
    )
  })

  it('when the missions are over in total too, the what-if says so', () => {
    const report = check(withLines(direct('6251', 'Déplacements parcours', '4500.00', 'parcours')))
    expect(report.fongibilite).toMatchObject({ status: 'over', difference: '4500.00' })
    expect(only(report, 'FONGIBILITE').message).toMatch(
      /ne serait pas couvert \(dépassement de 4\u202f500,00\u00a0€ au total\)/
    )
  })

  it('no mission over: the block is there, without a finding', () => {
    const report = check(cleanBudget())
    expect(report.fongibilite).toMatchObject({ status: 'within', charges: '217500.00' })
    expect(findingsOf(report, 'FONGIBILITE')).toEqual([])
  })
})

describe('profil', () => {
  it('a financial year that is not twelve months: warning, envelopes not pro-rated', () => {
    const report = check(withProfil({ exercice: { debut: '2025-01-01', fin: '2026-06-30' } }))
    expect(only(report, 'EXERCICE-DUREE').severity).toBe('warning')
    // 1 July to 30 June, and 29 February to 28 February, are twelve months.
    const ok = [
      { debut: '2024-07-01', fin: '2025-06-30' },
      { debut: '2024-02-29', fin: '2025-02-28' },
    ]
    for (const exercice of ok) {
      expect(findingsOf(check(withProfil({ exercice })), 'EXERCICE-DUREE')).toEqual([])
    }
  })

  it('a mission started during the year: info, the annual envelope counted whole', () => {
    const doc = cleanBudget()
    const missions = doc.profil.missions.map((m) =>
      m.mission === 'parcours' ? { ...m, debut: '2025-09-01' } : m
    )
    const f = only(check(withProfil({ missions })), 'MISSION-DEMARRAGE')
    expect(f).toMatchObject({ severity: 'info', section: 'parcours' })
    expect(f.message).toMatch(/démarre le 01\/09\/2025, en cours d’exercice/)
  })

  it('the taille comes from the population when the contract does not give it', () => {
    // 85 000 inhabitants: taille 3 (≥ 80 000 and < 175 000), fonctionnement 75 000.
    const report = check(withProfil({ taille: undefined, population: 85000 }))
    expect(report.taille).toBe(3)
    expect(report.sections[0]?.enveloppe).toBe('75000.00')
  })

  it('taille and population that disagree: the contract’s taille is kept, with an info', () => {
    const report = check(withProfil({ taille: 2, population: 85000 }))
    expect(report.taille).toBe(2)
    expect(only(report, 'TAILLE-POPULATION').message).toBe(
      'La population déclarée (85\u202f000 habitants) correspond à la taille 3 dans le barème aci-avenant-2 ; la taille 2 du contrat est retenue (elle se réévalue au dialogue de gestion).'
    )
  })
})

describe('déterminisme', () => {
  it('the same document gives the same report', () => {
    const doc = withLines(direct('6251', 'Déplacements parcours', '4500.00', 'parcours'))
    expect(checkBudget(doc)).toEqual(checkBudget(structuredClone(doc)))
  })

  it('a document only run through the schema (not canonical) gives the report of its canonical form', () => {
    const raw = {
      profil: { ...cleanBudget().profil, nom: ' CPTS Essai ' },
      lignes: [
        ...cleanBudget().lignes,
        {
          compte: '6251',
          libelle: 'Déplacements',
          montant: '1000',
          repartition: {
            mode: 'cles',
            parts: [
              { section: 'parcours', pourcentage: '50.00' },
              { section: 'fonctionnement', pourcentage: '50' },
            ],
          },
        },
      ],
    } as unknown as BudgetDocument
    expect(checkBudget(raw)).toEqual(checkBudget(parseBudget(raw)))
  })

  it('and refuses what parseBudget refuses beyond the schema, naming the same field', () => {
    const doc = cleanBudget()
    const twice = {
      ...doc,
      profil: { ...doc.profil, missions: [...doc.profil.missions, doc.profil.missions[0]] },
    } as BudgetDocument
    const error = errorOf(() => checkBudget(twice))
    expect(error.argument).toBe('profil.missions[4].mission')
    expect(error.message).toBe(errorOf(() => parseBudget(twice)).message)
  })
})
