// The dossier's JSON: the fixture CPTS's key figures from the core's own computations, its schema, byte-for-byte determinism, pseudonymisation, with and without actuals, indicators and a crisis year.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  buildDossier,
  checkBudget,
  contractOfBudget,
  cutoffOf,
  DOSSIER_SCHEMA_VERSION,
  dossierFileName,
  dossierFromJson,
  dossierToJson,
  PRODUCT,
  parseBudget,
  parseDossier,
  produitsAciExercice,
  pseudonymOf,
  scheduleJson,
  scheduleOf,
} from '../../../shared'
import { publishedSchemas } from '../../support/json-schemas'
import {
  annexe,
  BUDGET_TEXT,
  budget,
  budgetRealise,
  CLE,
  contratCrise,
  LIVRABLES,
  OBSERVATIONS,
  PRODUIT_LE,
} from './support/fixtures'

const root = new URL('../../../', import.meta.url)

describe('dossier de l’exercice : le budget seul suffit', () => {
  const b = budget()
  const d = buildDossier({ budget: b, produitLe: PRODUIT_LE })
  const report = checkBudget(b)

  it('carries its schema version, the product and the production date given', () => {
    expect(d.schemaVersion).toBe(DOSSIER_SCHEMA_VERSION)
    expect(d.produit).toEqual({ nom: 'ACI-CPTS', version: PRODUCT.version })
    expect(d.produitLe).toBe('2026-03-15')
  })

  it('says who the CPTS is: name, size, signature, fiscal year, the contract years it covers, missions', () => {
    expect(d.cpts).toMatchObject({
      nom: 'CPTS des Deux Rives',
      taille: 2,
      population: 62000,
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      phaseCrise: 'mise_a_jour',
    })
    expect(d.cpts.anneesContrat.map((y) => [y.annee, y.debut, y.fin, y.version])).toEqual([
      [2, '2024-03-01', '2025-02-28', 'aci-avenant-2'],
      [3, '2025-03-01', '2026-02-28', 'aci-avenant-2'],
    ])
    expect(d.cpts.missions.map((m) => [m.mission, m.debut, m.taux])).toEqual([
      ['acces', '2023-03-01', '0.8'],
      ['parcours', '2023-09-01', '0.75'],
      ['prevention', '2023-09-01', null],
      ['crise', '2024-03-01', '0'],
      ['accompagnement', '2025-03-01', '0.5'],
    ])
  })

  it('names the rules used with their fingerprints: rate version and legal source, chart of accounts, PASS of the year', () => {
    expect(d.regles.bareme).toMatchObject({
      id: 'aci-avenant-2',
      dateEffet: '2022-04-01',
      sha256: report.references.bareme.sha256,
    })
    expect(d.regles.bareme.source.document).toContain('Avenant 2')
    expect(d.regles.planComptable.id).toBe('pca-2025')
    expect(d.regles.planComptable.sha256).toBe(report.references.planComptable.sha256)
    expect(d.regles.pass.sha256).toBe(report.references.pass.sha256)
    // PASS 2025: 47 100 € (shared/budget/data/pass.json, BOSS).
    expect(d.regles.pass.annees).toEqual([
      expect.objectContaining({ annee: 2025, montant: '47100.00' }),
    ])
  })

  it('lists every hypothesis of the schedule and of the cut-off, and its own', () => {
    const contract = contractOfBudget(b.profil)
    const schedule = scheduleOf(contract)
    const cutoff = cutoffOf(schedule, b.profil.exercice, { repartition: 'jours' })
    const codes = d.regles.hypotheses.map((h) => `${h.origine}:${h.code}`)
    for (const h of schedule.hypotheses) expect(codes).toContain(`echeancier:${h.code}`)
    for (const h of cutoff.hypotheses) expect(codes).toContain(`cloture:${h.code}`)
    expect(codes).toContain('dossier:contrat')
  })

  it('gives the fiscal year’s ACI income as the ledger’s own computation does, and envelopes that add up', () => {
    const income = produitsAciExercice(contractOfBudget(b.profil), b.profil.exercice)
    expect(d.enveloppes.produitsAciExercice).toBe(income.produitsAciExercice)
    expect(d.enveloppes.produitsAciExercice).toBe('271866.43')
    const cents = (s: string) => Math.round(Number(s) * 100)
    for (const y of d.enveloppes.anneesContrat) {
      expect(y.sections.reduce((t, s) => t + cents(s.enveloppe), 0)).toBe(cents(y.enveloppe))
      expect(y.sections.reduce((t, s) => t + cents(s.produitExercice), 0)).toBe(
        cents(y.produitExercice)
      )
    }
    // Year 3 at taille 2 of avenant 2: fonctionnement 60 000 + accès 70 000 + 30 000 × 0.8 …
    expect(d.enveloppes.anneesContrat[1]?.enveloppe).toBe('274000.00')
  })

  it('gives the budget per section as the check does, without actuals', () => {
    expect(d.budget.totaux).toMatchObject({
      charges: '265763.33',
      produits: '299400.00',
      enveloppe: '274000.00',
      chargesSectionsAci: '247763.33',
      realise: null,
    })
    expect(d.budget.sections.map((s) => [s.section, s.enveloppe, s.charges, s.statut])).toEqual(
      report.sections.map((s) => [s.section, s.enveloppe, s.charges, s.status])
    )
    expect(d.budget.realise.source).toBe('aucun')
    expect(d.budget.sections.every((s) => s.realise === null)).toBe(true)
  })

  it('lists the findings by severity, with their sources', () => {
    expect(d.constats.nombre).toEqual(report.counts)
    const ranks = d.constats.liste.map((c) => ['error', 'warning', 'info'].indexOf(c.severite))
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
    expect(d.constats.liste.every((c) => c.source.length > 0)).toBe(true)
    expect(d.constats.liste[0]).toMatchObject({
      code: 'PASS-PLAFOND',
      beneficiaire: 'Dr Anne Martin',
    })
  })

  it('shows the funding other than the ACI, companies and laboratories flagged', () => {
    expect(d.financements.totalHorsAci).toBe('25400.00')
    expect(d.financements.totalARisque).toBe('3000.00')
    const labo = d.financements.financeurs.find((f) => f.financeur === 'laboratoire_pharmaceutique')
    expect(labo).toMatchObject({ aRisque: true, prevu: '3000.00', realise: null })
    expect(d.financements.financeurs.find((f) => f.financeur === 'ars_fir')?.aRisque).toBe(false)
    expect(d.financements.financeurs.some((f) => f.financeur === 'aci')).toBe(false)
  })

  it('carries the payment schedule, the cut-off and its balanced journal', () => {
    const schedule = scheduleJson(scheduleOf(contractOfBudget(b.profil)))
    expect(d.echeancier.paiements.map((p) => [p.date, p.montant])).toEqual(
      schedule.paiements.map((p) => [p.date, p.montant])
    )
    expect(d.echeancier.total).toBe(schedule.totaux.total)
    expect(d.cloture.totaux.debit).toBe(d.cloture.totaux.credit)
    expect(d.cloture.totaux.produits).toBe(d.enveloppes.produitsAciExercice)
  })

  it('leaves room for the signatures and fingerprints the budget it read', () => {
    expect(d.signature).toEqual({ tresorier: null, referenceCommissaireAuxComptes: null })
    expect(d.empreintes.budget).toMatch(/^[0-9a-f]{64}$/)
    expect(d.indicateurs).toBeNull()
    expect(d.pseudonymisation).toBeNull()
  })
})

describe('JSON', () => {
  it('validates against its schema and round-trips', () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE, annexe: annexe() })
    const text = dossierToJson(d)
    expect(parseDossier(JSON.parse(text))).toEqual(d)
    expect(dossierToJson(dossierFromJson(text))).toBe(text)
  })

  it('gives the same bytes for the same inputs, however the budget’s keys were ordered', () => {
    const shuffled = JSON.parse(BUDGET_TEXT) as {
      profil: Record<string, unknown>
      lignes: unknown[]
    }
    const reordered = {
      lignes: shuffled.lignes.map((l) => Object.fromEntries(Object.entries(l as object).reverse())),
      profil: Object.fromEntries(Object.entries(shuffled.profil).reverse()),
    }
    const input = { produitLe: PRODUIT_LE, cleDePseudonymisation: CLE }
    const a = dossierToJson(buildDossier({ ...input, budget: budget() }))
    const b = dossierToJson(buildDossier({ ...input, budget: parseBudget(reordered) }))
    expect(b).toBe(a)
    expect(dossierToJson(buildDossier({ ...input, budget: budget() }))).toBe(a)
  })

  it('refuses a dossier that breaks its schema, naming the field', () => {
    const d = JSON.parse(dossierToJson(buildDossier({ budget: budget(), produitLe: PRODUIT_LE })))
    d.budget.totaux.charges = 265763.33
    expect(() => parseDossier(d)).toThrow('dossier.budget.totaux.charges')
  })

  it('is published as dossier.schema.json, up to date (npm run schemas)', () => {
    const schema = publishedSchemas().find((s) => s.path === 'shared/dossier/dossier.schema.json')
    expect(schema).toBeDefined()
    expect(readFileSync(new URL(schema?.path ?? '', root), 'utf8')).toBe(schema?.text)
  })
})

describe('pseudonymisation', () => {
  const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE, cleDePseudonymisation: CLE })
  const text = dossierToJson(d)

  it('leaves no professional’s name in the dossier, and keeps one pseudonym per person', () => {
    expect(text).not.toContain('Anne Martin')
    expect(text).not.toContain('Paul Durand')
    const anne = pseudonymOf(CLE, 'Dr Anne Martin')
    expect(anne).toMatch(/^PS-[0-9a-f]{16}$/)
    const pass = d.constats.liste.find((c) => c.code === 'PASS-PLAFOND')
    expect(pass?.beneficiaire).toBe(anne)
    expect(pass?.message.startsWith(anne)).toBe(true)
    expect(d.pseudonymisation?.methode).toBe('HMAC-SHA-256')
  })

  it('is HMAC-SHA-256 of the name under the key: another key, other pseudonyms', () => {
    // RFC 4231-style check of the primitive: HMAC-SHA-256("key", "The quick brown fox jumps over the lazy dog").
    expect(pseudonymOf('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'PS-f7bc83f430538424'
    )
    expect(pseudonymOf(`${CLE}!`, 'Dr Anne Martin')).not.toBe(pseudonymOf(CLE, 'Dr Anne Martin'))
    expect(pseudonymOf(CLE, ' Dr  Anne Martin ')).toBe(pseudonymOf(CLE, 'Dr Anne Martin'))
  })

  it('refuses a short key', () => {
    expect(() =>
      buildDossier({ budget: budget(), produitLe: PRODUIT_LE, cleDePseudonymisation: 'court' })
    ).toThrow(/cleDePseudonymisation : texte secret d’au moins 16 caractères/)
  })
})

describe('dossier with actuals, indicators, a crisis year', () => {
  it('gives execution and consumption rates per section when the budget has actuals', () => {
    const b = budgetRealise()
    const d = buildDossier({ budget: b, produitLe: PRODUIT_LE })
    const report = checkBudget(b)
    expect(d.budget.realise.source).toBe('budget')
    expect(d.budget.totaux.realise?.charges).toBe(report.totaux.realise?.charges)
    for (const s of d.budget.sections) {
      const r = report.sections.find((x) => x.section === s.section)?.realise
      expect(s.realise).toEqual({
        charges: r?.charges,
        produits: r?.produits,
        ecartBudget: r?.ecartBudget,
        execution: r?.execution,
        consommation: r?.consommation,
        reste: r?.reste,
      })
    }
    expect(d.financements.financeurs.every((f) => f.realise !== null)).toBe(true)
  })

  it('reads the annex of contract year 2 with its observations and evidence; no crisis recognised', () => {
    const d = buildDossier({
      budget: budget(),
      produitLe: PRODUIT_LE,
      annexe: annexe(),
      observations: OBSERVATIONS,
      livrables: LIVRABLES,
    })
    const i = d.indicateurs
    expect(i).toMatchObject({ annee: 2, version: 'aci-avenant-2', taille: 2, crise: false })
    // ald-sans-mt 85 ≤ 90 → 8 000; sas done → 8 000; annuaire not done; crisis not recognised → 0.
    expect(i?.missions.map((m) => [m.mission, m.montantReclame, m.enveloppeVariable])).toEqual([
      ['acces', '16000.00', '30000.00'],
      ['crise', '0.00', '52500.00'],
    ])
    expect(i?.montantReclame).toBe('16000.00')
    const acces = i?.missions[0]
    expect(acces?.indicateurs.find((x) => x.id === 'ald-sans-mt')).toMatchObject({
      statut: 'atteint',
      palier: 2,
      observation: '85',
    })
    expect(acces?.livrables).toEqual([
      {
        action: 'mt',
        libelle: 'Liste anonymisée des patients en ALD sans médecin traitant',
        fourni: true,
      },
      { action: 'mt', libelle: 'Compte rendu de la cellule d’orientation', fourni: false },
    ])
    expect(i?.missions[1]?.indicateurs[0]?.statut).toBe('crise_non_reconnue')
    expect(
      d.constats.liste.some((c) => c.origine === 'annexe' && c.code === 'LIVRABLES-MANQUANTS')
    ).toBe(true)
  })

  it('counts the crisis mission’s variable part in a year the ARS recognised a crisis', () => {
    const d = buildDossier({
      budget: budget(),
      contrat: contratCrise(),
      produitLe: PRODUIT_LE,
      annexe: annexe(),
      observations: OBSERVATIONS,
      livrables: LIVRABLES,
    })
    expect(d.indicateurs?.crise).toBe(true)
    expect(d.indicateurs?.missions.find((m) => m.mission === 'crise')?.montantReclame).toBe(
      '52500.00'
    )
    expect(d.indicateurs?.montantReclame).toBe('68500.00')
    const year2 = d.enveloppes.anneesContrat.find((y) => y.annee === 2)
    expect(year2?.sections.find((s) => s.section === 'crise')?.variable).toBe('52500.00')
    expect(d.regles.hypotheses.find((h) => h.code === 'contrat')?.valeur).toBe('fourni')
  })

  it('reads an annex that does not say its year for the contract year whose dialogue falls in the fiscal year', () => {
    const d = buildDossier({
      budget: budget(),
      produitLe: PRODUIT_LE,
      annexe: { ...annexe(), annee: undefined },
    })
    expect(d.indicateurs?.annee).toBe(2)
    expect(d.regles.hypotheses.find((h) => h.code === 'annee_annexe')?.valeur).toBe('2')
  })
})

describe('edges of the module', () => {
  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      version: string
    }
    expect(PRODUCT.version).toBe(pkg.version)
  })

  it('names the files for a download: ASCII, year and CPTS', () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE })
    expect(dossierFileName(d, 'pdf')).toBe('dossier-2025-cpts-des-deux-rives.pdf')
    const other = {
      ...d,
      cpts: {
        ...d.cpts,
        nom: 'CPTS Cœur d’Hérault – Sud',
        exercice: { debut: '2024-07-01', fin: '2025-06-30' },
      },
    }
    expect(dossierFileName(other, 'json')).toBe('dossier-2024-2025-cpts-coeur-d-herault-sud.json')
  })

  it('takes the production date as an input, never from a clock', () => {
    expect(() => buildDossier({ budget: budget(), produitLe: '15/03/2026' })).toThrow(
      'produitLe : date de production du dossier attendue au format AAAA-MM-JJ.'
    )
  })

  it('keeps the PDF renderer out of every static import: only loadDossierPdf reaches it', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(ts|tsx)$/.test(name) && !path.includes(join('shared', 'dossier', 'pdf'))) {
          const text = readFileSync(path, 'utf8')
          if (/^\s*(import|export)\s[^;]*from\s+['"][^'"]*dossier\/pdf['"/]/m.test(text))
            offenders.push(path)
          if (
            path.endsWith(join('shared', 'dossier', 'index.ts')) === false &&
            /from\s+['"]\.\/pdf['"]/.test(text)
          )
            offenders.push(path)
        }
      }
    }
    for (const dir of ['shared', 'addin', 'worker']) walk(new URL(dir, root).pathname)
    expect(offenders).toEqual([])
  })
})
