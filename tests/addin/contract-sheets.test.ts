// The Contrat view's sheets: the schedule and the cut-off written with their tables, amounts and dates as Excel holds them.
import { describe, expect, it } from 'vitest'
import { cutoffPlan, schedulePlan } from '../../addin/taskpane/sheets/contract-plans'
import { MemoryWorkbook } from '../../addin/taskpane/workbook/memory-workbook'
import { contractOfBudget as contractOfProfile, cutoffOf, scheduleOf } from '../../shared'

const profil = {
  nom: 'CPTS du Val',
  population: 120000,
  signature: '2022-04-15',
  exercice: { debut: '2022-01-01', fin: '2022-12-31' },
  missions: [
    { mission: 'acces' as const, debut: '2022-10-15', taux: '0.8' },
    { mission: 'crise' as const, debut: '2022-10-15', phase: 'redaction' as const },
  ],
}
const serial = (iso: string) =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000

describe('the contract of a profile', () => {
  it('takes the taille from the population and no crisis for the crisis variable', () => {
    const contract = contractOfProfile(profil, 'jours')
    expect(contract.annees.map((y) => y.taille)).toEqual([3, 3, 3, 3, 3])
    const schedule = scheduleOf(contract)
    expect(
      schedule.paiements.filter((p) => p.mission === 'crise' && p.nature === 'variable')
    ).toEqual([])
  })
})

describe('the schedule and cut-off sheets', () => {
  it('writes every payment, dated, with the year totals, and never over a sheet of the user’s', async () => {
    const schedule = scheduleOf(contractOfProfile(profil, 'jours'))
    const workbook = new MemoryWorkbook(['Échéancier ACI'])
    const name = await workbook.addSheet((names) =>
      schedulePlan({ schedule, cpts: profil.nom, today: '2026-11-23' }, names)
    )
    expect(name).toBe('Échéancier ACI (2)')
    const [table] = await workbook.readTables(['Echeancier_2022'])
    expect(table?.rows).toHaveLength(schedule.paiements.length)
    const advance = table?.rows.find(
      (r) => r[0] === serial('2022-10-15') && r[3] === 'Accès aux soins'
    )
    expect(advance?.[4]).toBe(33657.53)
    const total = table?.rows.reduce((t, r) => t + Math.round((r[4] as number) * 100), 0)
    expect(total).toBe(Math.round(schedule.totaux.total.toNumber() * 100))
  })

  it('writes the proposed journal, balanced, and the calculation per entitlement', async () => {
    const schedule = scheduleOf(contractOfProfile(profil, 'jours'))
    const cutoff = cutoffOf(schedule, profil.exercice)
    const workbook = new MemoryWorkbook()
    const name = await workbook.addSheet((names) =>
      cutoffPlan({ cutoff, cpts: profil.nom, today: '2026-11-23' }, names)
    )
    expect(name).toBe('Clôture 2022')
    const [journal, lines] = await workbook.readTables(['Ecritures_2022', 'Cutoff_2022'])
    const cents = (v: unknown) => Math.round((v as number) * 100)
    const debit = journal?.rows.reduce((t, r) => t + cents(r[4]), 0)
    const credit = journal?.rows.reduce((t, r) => t + cents(r[5]), 0)
    expect(debit).toBe(credit)
    expect(journal?.rows.some((r) => r[2] === '487')).toBe(true)
    expect(lines?.rows).toHaveLength(cutoff.lignes.length)
  })
})
