// The dossier action without React, on the in-memory workbook: the budget sheet read back, the PDF and the JSON, the summary sheet; with the FEC's actuals; cancelled.
import { describe, expect, it } from 'vitest'
import {
  type DossierProgress,
  fillActualsFromLedger,
  importBudget,
  importLedger,
  ledgerRules,
  makeDossier,
} from '../../../addin/taskpane/actions'
import { checkBudget, dossierFromJson, parseBudget } from '../../../shared'
import { smallFec } from '../fixtures/small-fec'
import { fixture, fixtureText, servicesOf, TODAY, textOf } from '../support/action-services'

const CHOICES = { prorata: 'jours', variable: 'versement' } as const
const NAME = 'cpts-taille-2-aci-avenant-2'

async function withBudget() {
  const services = servicesOf()
  await importBudget(services, { name: `${NAME}.json`, text: fixtureText(NAME) })
  return services
}

const request = {
  key: '2025',
  budgets: [{ key: '2025', sheet: 'Budget 2025' }],
  choices: CHOICES,
  actuals: null,
  tresorier: 'Claire Dubois',
  referenceCommissaireAuxComptes: '',
  cleDePseudonymisation: '',
}

describe('makeDossier', () => {
  it('gives the PDF and the JSON of the budget sheet, its key figures those of the check, and writes the Dossier sheet', async () => {
    const services = await withBudget()
    const steps: DossierProgress[] = []
    const outcome = await makeDossier(services, { ...request, onProgress: (p) => steps.push(p) })
    expect(outcome.cancelled).toBe(false)
    const [pdf, json] = outcome.files
    expect(pdf?.name).toBe('dossier-2025-cpts-des-deux-rives.pdf')
    expect(pdf?.type).toBe('application/pdf')
    expect(new TextDecoder().decode((pdf?.content ?? '') as Uint8Array).slice(0, 5)).toBe('%PDF-')
    expect(json?.name).toBe('dossier-2025-cpts-des-deux-rives.json')
    const dossier = dossierFromJson(json?.content as string)
    expect(dossier.produitLe).toBe(TODAY)
    expect(dossier.signature.tresorier).toBe('Claire Dubois')
    expect(dossier.signature.referenceCommissaireAuxComptes).toBeNull()
    expect(dossier.pseudonymisation).toBeNull()
    // Key figures: the check of the same budget, section by section.
    const report = checkBudget(parseBudget(fixture(NAME)))
    expect(dossier.budget.totaux.charges).toBe(report.totaux.charges)
    expect(dossier.budget.totaux.enveloppe).toBe(report.totaux.enveloppe)
    expect(dossier.constats.nombre).toEqual(report.counts)
    const fonctionnement = dossier.budget.sections.find((s) => s.section === 'fonctionnement')
    const checked = report.sections.find((s) => s.section === 'fonctionnement')
    expect(fonctionnement?.charges).toBe(checked?.charges)
    expect(dossier.budget.realise.source).toBe('aucun')
    expect(outcome.sheet).toBe('Dossier 2025')
    const text = textOf(services.workbook, 'Dossier 2025')
    expect(text).toContain('Dossier de l’exercice 2025 — CPTS des Deux Rives')
    expect(text).toContain('Produits ACI de l’exercice (706)')
    expect(text).toContain(`Fichiers : ${pdf?.name}, ${json?.name}.`)
    const sheet = services.workbook.sheets.find((s) => s.name === 'Dossier 2025')
    const counts = sheet?.plan.tables.find((t) => t.name === 'DossierConstats_2025')?.rows
    expect(counts).toEqual([
      ['Erreurs', report.counts.error],
      ['Avertissements', report.counts.warning],
      ['Informations', report.counts.info],
    ])
    expect(steps.map((s) => s.label)).toContain('Mise en page du PDF')
    expect(steps[steps.length - 1]?.fraction).toBe(1)
  })

  it('carries the FEC’s actuals, « non affecté » included, and pseudonymises names with a key', async () => {
    const services = await withBudget()
    const fec = await importLedger({
      file: new File([smallFec('2025').bytes as BlobPart], 'fec.txt'),
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
    })
    if (fec.imported === null) throw new Error('FEC refusé')
    const rules = (await ledgerRules(services, { key: '2025' })).rows
    const filled = await fillActualsFromLedger(services, {
      key: '2025',
      ledger: fec.imported,
      rules,
    })
    const outcome = await makeDossier(services, {
      ...request,
      key: filled.selected,
      budgets: filled.budgets,
      actuals: filled.actuals,
      cleDePseudonymisation: 'une clé secrète de la CPTS',
      referenceCommissaireAuxComptes: 'CAC-2025-017',
    })
    const dossier = dossierFromJson(outcome.files[1]?.content as string)
    expect(dossier.budget.realise.source).toBe('fec')
    expect(dossier.budget.realise.nonAffecte).toEqual({ charges: '150.50', produits: '0.00' })
    expect(dossier.budget.totaux.realise?.charges).toBe('52750.50')
    expect(dossier.pseudonymisation?.methode).toBe('HMAC-SHA-256')
    expect(dossier.signature.referenceCommissaireAuxComptes).toBe('CAC-2025-017')
    expect(JSON.stringify(dossier)).not.toContain('Anne Martin')
    expect(outcome.sheet).toBe('Dossier 2025')
    expect(textOf(services.workbook, 'Dossier 2025')).toContain('Non affecté (charges du FEC)')
  })

  it('refuses a pseudonymisation key too short, and writes nothing when cancelled', async () => {
    const services = await withBudget()
    await expect(
      makeDossier(services, { ...request, cleDePseudonymisation: 'court' })
    ).rejects.toThrow('au moins 16 caractères')
    const controller = new AbortController()
    const outcome = await makeDossier(services, {
      ...request,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.label === 'Chargement du générateur de PDF') controller.abort()
      },
    })
    expect(outcome.cancelled).toBe(true)
    expect(outcome.files).toEqual([])
    expect(services.workbook.sheets.map((s) => s.name)).toEqual(['Budget 2025'])
  })
})
