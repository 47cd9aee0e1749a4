// The plans of the Indicateurs and Temps et indemnités sheets: formulas in Excel's invariant syntax, the crisis condition, the lists, the highlights, and values computed by the core for the preview.
import { describe, expect, it } from 'vitest'
import { indicatorsSheetPlan } from '../../addin/taskpane/sheets/indicators-plan'
import { timeSheetPlan } from '../../addin/taskpane/sheets/time-plan'
import { isFormula, type SheetPlan } from '../../addin/taskpane/workbook/plan'
import { bundledCatalog, Decimal, parseAnnexe, registreFromCsv } from '../../shared'

const table = bundledCatalog().byVersionId('aci-avenant-2')
const none = { sheets: [], tables: [] }

const formulasOf = (plan: SheetPlan, name: string) =>
  (plan.tables.find((t) => t.name === name)?.rows ?? []).flatMap((r) =>
    r.filter(isFormula).map((c) => c.formula)
  )

describe('indicatorsSheetPlan', () => {
  // Taille 3: the crisis mission's variable part is 67 500 €, one all-or-nothing indicator.
  const annexe = parseAnnexe({
    missions: [
      {
        mission: 'crise',
        actions: [
          {
            id: 'plan',
            libelle: 'Plan de crise',
            indicateurs: [
              { id: 'plan-ecrit', libelle: 'Plan rédigé', type: 'binaire', max: '67500' },
            ],
          },
        ],
      },
    ],
  })
  const input = {
    annexe,
    nom: 'CPTS',
    annee: '2026',
    taille: 3 as const,
    table,
    crise: true,
    today: '2026-11-23',
  }

  it('passes the recognised crisis to ACI.ATTEINTE for the crisis mission only, in invariant syntax', () => {
    const plan = indicatorsSheetPlan(input, none)
    const missions = formulasOf(plan, 'AtteinteMissions_2026')
    expect(missions).toContain('=ACI.ATTEINTE(B11,$B$5,T16:T16,$B$7,$B$6)')
    expect(missions.join('')).not.toContain(';')
    const context = plan.tables.find((t) => t.name === 'ContexteIndicateurs_2026')
    expect(context?.rows).toEqual([
      ['Taille', 3],
      ['Barème', 'aci-avenant-2'],
      ['Crise reconnue par l’ARS', 'oui'],
    ])
    // The envelope the preview shows: ACI.VARIABLE at 100 %.
    const envelope = plan.tables.find((t) => t.name === 'AtteinteMissions_2026')?.rows[0]?.[3]
    expect(envelope).toEqual({ formula: '=ACI.VARIABLE(B11,$B$5,1,$B$6)', value: 67500 })
  })

  it('offers the binaire/paliers and hausse/baisse lists and picks free names beside a first sheet', () => {
    const first = indicatorsSheetPlan(input, none)
    const second = indicatorsSheetPlan(input, {
      sheets: [first.name],
      tables: first.tables.map((t) => t.name),
    })
    expect(second.name).toBe('Indicateurs 2026 (2)')
    expect(second.tables.map((t) => t.name)).toEqual([
      'ContexteIndicateurs_2026_2',
      'AtteinteMissions_2026_2',
      'Indicateurs_2026_2',
      'Livrables_2026_2',
    ])
    const columns = first.tables.find((t) => t.name === 'Indicateurs_2026')?.columns ?? []
    const list = (header: string) => {
      const v = columns.find((c) => c.header === header)?.validation
      return v?.kind === 'list' ? v.source : undefined
    }
    expect(list('Type')).toEqual(['binaire', 'paliers'])
    expect(list('Sens')).toEqual(['hausse', 'baisse'])
    expect(first.highlights.map((h) => h.range)).toEqual(['T16:T16', 'U16:U16', 'V16:V16'])
  })
})

describe('timeSheetPlan', () => {
  const profil = {
    nom: 'CPTS',
    exercice: { debut: '2026-01-01', fin: '2026-12-31' },
    missions: [{ mission: 'parcours' as const, debut: '2025-01-01' }],
  }

  it('values each entry with the rate in force (a person’s over a profession’s) in a live formula', () => {
    const plan = timeSheetPlan(
      { profil, registre: undefined, taux: undefined, seuilAlerte: '90', today: '2026-11-23' },
      none
    )
    const formulas = formulasOf(plan, 'Temps_2026')
    expect(formulas).toContain('=ROUND([@Heures]*[@[Taux horaire]],2)')
    const rate = formulas.find((f) => f.includes('MAXIFS')) ?? ''
    expect(rate).toContain(
      'SUMIFS(TauxHoraires_2026[Taux horaire],TauxHoraires_2026[Profession ou personne],[@Personne]'
    )
    expect(rate).toContain('[@Profession]')
    // Twenty blank lines to type in, with their formulas.
    expect(plan.tables.find((t) => t.name === 'Temps_2026')?.rows).toHaveLength(20)
    const rates = plan.tables.find((t) => t.name === 'TauxHoraires_2026')
    expect(rates?.rows.map((r) => r[0])).toEqual([
      'médecin généraliste',
      'infirmier',
      'pharmacien',
      'masseur-kinésithérapeute',
      null,
      null,
      null,
    ])
  })

  it('writes imported entries with the amounts the core computed, for the preview', () => {
    const { registre } = registreFromCsv(
      'Date;Personne;Profession;Heures;Section;Nature\r\n05/02/2026;Léa Roux;sage-femme;1,25;Parcours;rémunération\r\n',
      { taux: [{ profession: 'sage-femme', depuis: '2026-01-01', horaire: '60.00' }] }
    )
    const plan = timeSheetPlan(
      {
        profil,
        registre,
        taux: [
          {
            type: 'profession',
            cible: 'sage-femme',
            depuis: '2026-01-01',
            horaire: new Decimal(60),
          },
        ],
        seuilAlerte: '80',
        today: '2026-11-23',
      },
      none
    )
    const row = plan.tables.find((t) => t.name === 'Temps_2026')?.rows[0] ?? []
    // 1,25 h × 60 € = 75 €.
    expect(row.slice(1, 6)).toEqual([
      'Léa Roux',
      'sage-femme',
      null,
      1.25,
      'Parcours pluriprofessionnels',
    ])
    expect((row[10] as { value: number }).value).toBe(75)
    const people = plan.tables.find((t) => t.name === 'TotauxPersonnes_2026')?.rows[0] ?? []
    expect(people[0]).toBe('Léa Roux')
    expect((people[2] as { value: number }).value).toBe(75)
    expect(plan.highlights[0]?.above).toBe(0.8)
  })
})
