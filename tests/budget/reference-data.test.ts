// The reference data files: charts of accounts by regulation, the PASS by year, the Sénat's lists, each checked when loaded.
import { describe, expect, it } from 'vitest'
import {
  bundledCharts,
  bundledPass,
  bundledQuestionable,
  chartFor,
  loadChart,
  loadPass,
  loadQuestionable,
  MISSION_CODES,
  MISSION_WORDS,
  SECTIONS,
  sectionLabel,
} from '../../shared'
import senat from '../../shared/budget/data/depenses-senat.json'
import pass from '../../shared/budget/data/pass.json'
import pca2018 from '../../shared/budget/data/pca-2018.json'
import { errorOf } from './support/budgets'

describe('plans comptables', () => {
  const [v2018, v2025] = bundledCharts()

  it('ANC 2018-06 for years opened from 1 January 2020, ANC 2022-06 from 1 January 2025', () => {
    expect(v2018?.id).toBe('pca-2018')
    expect(v2025?.id).toBe('pca-2025')
    expect(chartFor('2020-01-01').id).toBe('pca-2018')
    expect(chartFor('2024-12-31').id).toBe('pca-2018')
    expect(chartFor('2025-01-01').id).toBe('pca-2025')
    expect(chartFor('2026-07-01').id).toBe('pca-2025')
  })

  it('a year opened before 2020 (CRC n° 99-01) has no bundled chart: not found, naming the field', () => {
    const error = errorOf(() => chartFor('2019-07-01', 'profil.exercice.debut'))
    expect(error.code).toBe('plan_comptable_absent')
    expect(error.kind).toBe('not_found')
    expect(error.argument).toBe('profil.exercice.debut')
    expect(error.message).toBe(
      'profil.exercice.debut : aucun plan comptable n’est disponible pour un exercice ouvert le 01/07/2019 ; le premier (pca-2018, Plan comptable des associations – règlement ANC n° 2018-06) s’applique aux exercices ouverts à compter du 01/01/2020.'
    )
  })

  it('79 Transferts de charges exists in 2018 only (removed by ANC 2022-06); 649 in 2025 only', () => {
    expect(v2018?.lookup('79')?.libelle).toBe('Transferts de charges')
    expect(v2018?.lookup('791')?.libelle).toBe('Transferts de charges d’exploitation')
    expect(v2025?.lookup('79')).toBeUndefined()
    expect(v2025?.lookup('791')).toBeUndefined()
    expect(v2025?.lookup('649')?.libelle).toBe('Remboursements de charges de personnel')
    expect(v2018?.lookup('649')).toBeUndefined()
  })

  it('the reversal of investment subsidies moves from 777 to 747 (notes B.1)', () => {
    expect(v2018?.lookup('777')).toBeDefined()
    expect(v2018?.lookup('747')).toBeUndefined()
    expect(v2025?.lookup('747')).toBeDefined()
    expect(v2025?.lookup('777')).toBeUndefined()
  })

  it('870 is dons en nature and 875 bénévolat in both versions (the reverse of CRC 99-01)', () => {
    for (const chart of [v2018, v2025]) {
      expect(chart?.lookup('870')?.libelle).toBe('Dons en nature')
      expect(chart?.lookup('875')?.libelle).toBe('Bénévolat')
    }
  })

  it('a sub-account is found under an account of three digits or more, never under a bare heading', () => {
    expect(v2025?.lookup('70611')?.numero).toBe('706')
    expect(v2025?.lookup('64111')?.numero).toBe('6411')
    expect(v2025?.lookup('6999')).toBeUndefined() // 69 is a heading, 699 is not in the chart
    expect(v2025?.lookup('60')?.libelle).toBe('Achats')
  })

  it('contra accounts admit a negative amount: 603, 609, 709 (and their sub-accounts), 649 and 629 in 2025', () => {
    expect(v2025?.lookup('6091')?.negatifAdmis).toBe(true)
    expect(v2025?.lookup('709')?.negatifAdmis).toBe(true)
    expect(v2025?.lookup('649')?.negatifAdmis).toBe(true)
    expect(v2025?.lookup('629')?.negatifAdmis).toBe(true)
    expect(v2018?.lookup('603')?.negatifAdmis).toBe(true)
    expect(v2025?.lookup('6411')?.negatifAdmis).toBe(false)
  })

  it('every chart has a source, an effective date and a fingerprint of its canonical form', () => {
    for (const chart of bundledCharts()) {
      expect(chart.source.document).toMatch(/règlement ANC n° 20(18|22)-06/i)
      expect(chart.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(v2018?.sha256).not.toBe(v2025?.sha256)
  })

  it('a chart with a duplicate account, an orphan account or a class 4 account does not load', () => {
    const twice = { ...pca2018, comptes: [...pca2018.comptes, { numero: '706', libelle: 'x' }] }
    expect(errorOf(() => loadChart(twice)).message).toBe('Données pca-2018 : compte 706 en double.')
    const orphan = { ...pca2018, comptes: pca2018.comptes.filter((c) => c.numero !== '64') }
    expect(errorOf(() => loadChart(orphan)).message).toMatch(
      /le compte 641 n’a pas de compte de tête 64/
    )
    const balance = { ...pca2018, comptes: [...pca2018.comptes, { numero: '487', libelle: 'PCA' }] }
    const error = errorOf(() => loadChart(balance))
    expect(error.code).toBe('donnees_invalides')
    expect(error.message).toMatch(/comptes\.\d+\.numero : compte de classe 6, 7, 86 ou 87 attendu/)
  })
})

describe('plafond annuel de la sécurité sociale', () => {
  const table = bundledPass()

  it.each([
    [2022, '41136'],
    [2023, '43992'],
    [2024, '46368'],
    [2025, '47100'],
    [2026, '48060'],
  ])('PASS %i = %s € (issue 5; notes-aci-rates §11)', (year, amount) => {
    expect(table.amount(year)?.toFixed()).toBe(amount)
    expect(table.sourceOf(year)).toBeTruthy()
  })

  it('no value before the cap existed (décret n° 2022-375) nor after the last published year', () => {
    expect(table.amount(2021)).toBeUndefined()
    expect(table.amount(2027)).toBeUndefined()
    expect(table.firstYear).toBe(2022)
    expect(table.lastYear).toBe(2026)
    expect(table.source.document).toMatch(/D\. 1434-44.*décret n° 2022-375/)
  })

  it('a table with a gap between years does not load', () => {
    const gap = { ...pass, values: pass.values.filter((v) => v.annee !== 2024) }
    expect(errorOf(() => loadPass(gap)).message).toBe(
      'Données pass : values[2] : année 2024 attendue, reçu 2025.'
    )
  })
})

describe('dépenses relevées par le Sénat', () => {
  const { loisirs, immobilier } = bundledQuestionable()

  it.each([
    ['Cours de yoga pour les membres', 'yoga'],
    ['SORTIE EN VOILE du bureau', 'voile'],
    ['Soirée théâtre', 'theatre'],
    ['Week-end de cohésion', 'week end'],
    ['Activités sportives', 'sportives'],
  ])('« %s » is leisure (%s)', (label, word) => {
    expect(loisirs.match(label)).toBe(word)
  })

  it.each([
    'Réunions de concertation pluriprofessionnelle',
    'Soirée de formation sur la BPCO',
    'Sortie d’hospitalisation : parcours',
    'Transport des patients',
    'Supports de prévention',
  ])('« %s » is not', (label) => {
    expect(loisirs.match(label)).toBeUndefined()
  })

  it('real estate: by words, or by account (6125 crédit-bail immobilier, 63512 taxes foncières)', () => {
    expect(immobilier.match('Acquisition d’un local pour la CPTS')).toBe('acquisition d un local')
    expect(immobilier.match('Location du local')).toBeUndefined()
    expect(immobilier.hasAccount('6125')).toBe(true)
    expect(immobilier.hasAccount('63512')).toBe(true)
    expect(immobilier.hasAccount('6132')).toBe(false)
  })

  it('a list with an expression in capitals does not load', () => {
    const bad = { ...senat, loisirs: { ...senat.loisirs, expressions: ['Yoga'] } }
    expect(errorOf(() => loadQuestionable(bad)).message).toMatch(
      /^Données senat-r25-032 : loisirs\.expressions\.0 : expression en minuscules sans accents/
    )
  })
})

describe('sections analytiques', () => {
  it('fonctionnement, the missions in the order of MISSION_CODES, then hors ACI', () => {
    expect(SECTIONS).toEqual(['fonctionnement', ...MISSION_CODES, 'hors_aci'])
    expect(SECTIONS.map(sectionLabel)).toEqual([
      'Fonctionnement',
      ...MISSION_CODES.map((m) => MISSION_WORDS[m].label),
      'Hors ACI',
    ])
  })
})
