// The Contrat tab's view and its two sheets without React: computed once from the profile and the choices, written as shown.
import { describe, expect, it } from 'vitest'
import {
  type ContractView,
  contractView,
  writeCutoff,
  writeSchedule,
} from '../../../addin/taskpane/actions'
import {
  contractOfBudget as contractOfProfile,
  cutoffOf,
  scheduleOf,
  toExcelNumber,
} from '../../../shared'
import { fixture, servicesOf, textOf } from '../support/action-services'

const { profil } = fixture('cpts-taille-2-aci-avenant-2')
const choices = { prorata: 'jours', variable: 'versement' } as const

describe('contractView', () => {
  it('computes the schedule and the cut-off of the profile once, with the choices', () => {
    const view = contractView(profil, choices)
    if (view.kind !== 'calcule') throw new Error(view.kind)
    const schedule = scheduleOf(contractOfProfile(profil, 'jours'))
    expect(view.cpts).toBe('CPTS des Deux Rives')
    expect(view.schedule.totaux.total.toFixed(2)).toBe(schedule.totaux.total.toFixed(2))
    expect(view.schedule.paiements).toHaveLength(schedule.paiements.length)
    const cutoff = cutoffOf(schedule, profil.exercice, {
      variable: 'versement',
      repartition: 'jours',
    })
    expect(view.cutoff.totaux.produits.toFixed(2)).toBe(cutoff.totaux.produits.toFixed(2))
    expect(view.cutoff.exercice).toEqual({ debut: '2025-01-01', fin: '2025-12-31' })
  })

  it('without a profile, or with one that gives no contract, says why', () => {
    expect(contractView(null, choices)).toEqual({ kind: 'sans-profil' })
    const wrong = contractView(
      { ...profil, missions: [{ mission: 'acces', debut: '2019-01-01', taux: '0.8' }] },
      choices
    )
    expect(wrong.kind).toBe('erreur')
    if (wrong.kind === 'erreur') expect(wrong.message).not.toBe('')
  })
})

describe('writeSchedule and writeCutoff', () => {
  it('write the computed view to new sheets, its amounts as the tab shows them', async () => {
    const services = servicesOf()
    const view = contractView(profil, choices)
    if (view.kind !== 'calcule') throw new Error(view.kind)
    const schedule = await writeSchedule(services, view)
    expect(schedule.notice).toEqual({
      intent: 'success',
      title: `Feuille « ${schedule.sheet} » créée`,
      text: '',
    })
    const written = services.workbook.sheets.find((s) => s.name === schedule.sheet)
    const amounts = written?.plan.tables[0]?.rows.map((r) => r[4])
    expect(amounts).toEqual(view.schedule.paiements.map((p) => toExcelNumber(p.montant)))
    const cutoff = await writeCutoff(services, view)
    expect(cutoff.sheet).not.toBe(schedule.sheet)
    expect(textOf(services.workbook, cutoff.sheet)).toContain('CPTS des Deux Rives')
    expect(services.workbook.sheets).toHaveLength(2)
  })

  it('refuse a view without a contract, in French', async () => {
    const none: ContractView = { kind: 'sans-profil' }
    await expect(writeSchedule(servicesOf(), none)).rejects.toThrow('Profil incomplet.')
    const error: ContractView = { kind: 'erreur', message: 'mission inconnue' }
    await expect(writeCutoff(servicesOf(), error)).rejects.toThrow('mission inconnue')
  })
})
