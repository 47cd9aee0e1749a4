// The portfolio: known totals computed here from the grid and the lines, files that are not CPTS, an unknown rate version, duplicates, outliers, and totals that are the sums of the rows.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addToPortfolio,
  type Budget,
  budgetToCsv,
  buildDossier,
  checkPortfolio,
  dossierToJson,
  newPortfolio,
  type PortfolioRow,
  type PortfolioRowOk,
  parseAnnexe,
  portfolioSummary,
} from '../../../shared'
import { ANNEXE, BUDGET_TEXT, budget, PRODUIT_LE } from '../dossier/support/fixtures'
import { generatedBudget } from './generate'

const ok = (row: PortfolioRow): PortfolioRowOk => {
  if (row.statut !== 'ok') throw new Error(`${row.fichier} : ${row.message}`)
  return row
}
const cents = (amount: string) => Math.round(Number(amount) * 100)

/**
 * The taille-3 column of the avenant-2 grid, as two real contract annexes of 2025–2027 print it
 * (field notes 2026, § 4): fonctionnement 75 000; accès 90 000 + 35 000; parcours 45 000 + 45 000;
 * prévention 17 500 + 17 500; crise 22 500 (plan update) + 67 500; qualité 15 000 + 15 000;
 * accompagnement 10 000 + 10 000.
 */
const TAILLE_3: Record<string, [number, number]> = {
  fonctionnement: [75_000, 0],
  acces: [90_000, 35_000],
  parcours: [45_000, 45_000],
  prevention: [17_500, 17_500],
  crise: [22_500, 67_500],
  qualite: [15_000, 15_000],
  accompagnement: [10_000, 10_000],
}

describe('un portefeuille généré aux totaux connus', () => {
  const docs = Array.from({ length: 24 }, (_, i) =>
    generatedBudget(i, {
      simple: true,
      taille: 3,
      withActuals: i % 2 === 0,
      signature: '2023-03-01',
    })
  )
  const { lignes, synthese } = checkPortfolio(
    docs.map((d, i) => ({ fichier: `cpts-${i}.json`, contenu: JSON.stringify(d) }))
  )

  // Expected figures, from the grid above and the generated lines only.
  const envelopes = docs.map((d) => {
    const bySection: Record<string, number> = { fonctionnement: TAILLE_3.fonctionnement?.[0] ?? 0 }
    for (const m of d.profil.missions) {
      const [fixe, variable] = TAILLE_3[m.mission] as [number, number]
      bySection[m.mission] = fixe + variable * Number(m.taux ?? '1')
    }
    return bySection
  })
  const charges = docs.map((d) => {
    const bySection: Record<string, number> = {}
    for (const l of d.lignes) {
      const part = l.repartition?.parts[0]
      if (!l.compte.startsWith('6') || part === undefined) continue
      bySection[part.section] = (bySection[part.section] ?? 0) + cents(l.montant)
    }
    return bySection
  })

  it('reads every CPTS', () => {
    expect(lignes.map((l) => l.statut)).toEqual(docs.map(() => 'ok'))
    expect(synthese).toMatchObject({ cpts: 24, erreurs: 0, doublons: 0, entrees: 24 })
  })

  it('gives each CPTS its envelope and its charges', () => {
    lignes.forEach((row, i) => {
      const expected = Object.values(envelopes[i] as Record<string, number>).reduce((a, b) => a + b)
      expect(cents(ok(row).totalEnveloppe)).toBe(expected * 100)
      expect(ok(row).version).toBe('aci-avenant-2')
      expect(ok(row).anneesContrat).toEqual([2, 3])
    })
  })

  it('sums envelopes and charges by mission over the portfolio', () => {
    for (const m of synthese.parMission) {
      const withEnvelope = docs
        .map((_, i) => i)
        .filter((i) => envelopes[i]?.[m.section] !== undefined)
      const env = withEnvelope.reduce((a, i) => a + (envelopes[i]?.[m.section] ?? 0) * 100, 0)
      const spent = withEnvelope.reduce((a, i) => a + (charges[i]?.[m.section] ?? 0), 0)
      expect(m.cpts, m.section).toBe(withEnvelope.length)
      expect(cents(m.enveloppe), m.section).toBe(env)
      expect(cents(m.charges), m.section).toBe(spent)
    }
    const total = envelopes.reduce(
      (a, e) => a + Object.values(e).reduce((x, y) => x + y, 0) * 100,
      0
    )
    expect(cents(synthese.totalEnveloppe)).toBe(total)
  })

  it('gives the quartiles of the consumption rates as Excel’s QUARTILE.INC', () => {
    const m = synthese.parMission.find((x) => x.section === 'acces')
    const rates = docs
      .map((_, i) => (charges[i]?.acces ?? 0) / ((envelopes[i]?.acces ?? 1) * 100))
      .map((r) => Math.round(r * 10_000) / 100)
      .sort((a, b) => a - b)
    const q = (p: number) => {
      const h = (rates.length - 1) * p
      const lo = Math.floor(h)
      const x = rates[lo] as number
      return x + (h - lo) * ((rates[Math.min(lo + 1, rates.length - 1)] as number) - x)
    }
    expect(Number(m?.distributionPrevue.mediane)).toBeCloseTo(q(0.5), 2)
    expect(Number(m?.distributionPrevue.q1)).toBeCloseTo(q(0.25), 2)
    expect(Number(m?.distributionPrevue.q3)).toBeCloseTo(q(0.75), 2)
    expect(Number(m?.distributionPrevue.min?.valeur)).toBe(rates[0])
    expect(Number(m?.distributionPrevue.max?.valeur)).toBe(rates[rates.length - 1])
    expect(m?.distributionPrevue.n).toBe(24)
  })
})

describe('un fichier qui n’est pas un dossier', () => {
  it('gets an error row with its reason in French, and the next file is read', () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a])
    const { lignes, synthese } = checkPortfolio([
      { fichier: 'notes.txt', contenu: 'Compte rendu de la réunion du bureau' },
      { fichier: 'dossier.pdf', contenu: pdf },
      { fichier: 'liste.json', contenu: '[1, 2, 3]' },
      { fichier: 'autre.json', contenu: '{"facture": 12}' },
      { fichier: 'vide.json', contenu: '' },
      { fichier: 'tronque.json', contenu: BUDGET_TEXT.slice(0, 200) },
      { fichier: 'budget.json', contenu: BUDGET_TEXT },
    ])
    expect(lignes.map((l) => l.statut)).toEqual([
      'erreur',
      'erreur',
      'erreur',
      'erreur',
      'erreur',
      'erreur',
      'ok',
    ])
    const messages = lignes.flatMap((l) => (l.statut === 'erreur' ? [l.message] : []))
    expect(messages[0]).toMatch(/^notes\.txt : ni un dossier de l’exercice en JSON/)
    expect(messages[1]).toMatch(/PDF ; le portefeuille lit le dossier de l’exercice en JSON/)
    expect(messages[4]).toBe('vide.json : vide.')
    expect(messages[5]).toMatch(/JSON invalide ou incomplet/)
    expect(synthese).toMatchObject({ cpts: 1, erreurs: 6, entrees: 7 })
  })

  it('names the field of a budget that does not pass the door', () => {
    const doc = JSON.parse(BUDGET_TEXT)
    doc.profil.exercice.fin = '2024-01-01'
    const row = checkPortfolio([{ fichier: 'b.json', contenu: JSON.stringify(doc) }]).lignes[0]
    expect(row).toMatchObject({
      statut: 'erreur',
      code: 'budget_invalide',
      champ: 'profil.exercice.fin',
    })
  })
})

describe('un dossier', () => {
  const dossier = () => buildDossier({ budget: budget(), produitLe: PRODUIT_LE })

  it('is read as it is: its figures, its findings, its funders', () => {
    const d = dossier()
    const row = ok(
      checkPortfolio([{ fichier: 'd.json', contenu: dossierToJson(d) }]).lignes[0] as PortfolioRow
    )
    expect(row).toMatchObject({
      source: 'dossier',
      nom: d.cpts.nom,
      totalEnveloppe: d.budget.totaux.enveloppe,
      charges: d.budget.totaux.charges,
      constats: d.constats.nombre,
      financementsHorsAci: {
        total: d.financements.totalHorsAci,
        aRisque: d.financements.totalARisque,
      },
      variable: null,
    })
    expect(row.anomalies.map((a) => a.code)).toContain('FINANCEMENT-SECONDAIRE')
    const lab = row.anomalies.find((a) => a.code === 'FINANCEMENT-SECONDAIRE')
    expect(lab?.ligne?.compte).toBe('7551')
  })

  it('with its indicators gives the variable part claimed against its maximum', () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE, annexe: parseAnnexe(ANNEXE) })
    const row = ok(
      checkPortfolio([{ fichier: 'd.json', contenu: dossierToJson(d) }]).lignes[0] as PortfolioRow
    )
    expect(row.variable).toEqual({
      reclame: d.indicateurs?.montantReclame,
      maximum: d.indicateurs?.enveloppeVariable,
      taux: expect.stringMatching(/^\d+\.\d{2}$/),
    })
  })

  it('of an unknown rate version is an error row, not counted', () => {
    const d = dossier()
    const text = dossierToJson({
      ...d,
      regles: { ...d.regles, bareme: { ...d.regles.bareme, id: 'aci-avenant-9' } },
    })
    const { lignes, synthese } = checkPortfolio([{ fichier: 'futur.json', contenu: text }])
    expect(lignes[0]).toMatchObject({
      statut: 'erreur',
      code: 'version_inconnue',
      champ: 'regles.bareme.id',
    })
    expect((lignes[0] as { message: string }).message).toContain('« aci-avenant-9 », inconnu ici')
    expect(synthese).toMatchObject({ cpts: 0, erreurs: 1, totalEnveloppe: '0.00' })
  })

  it('whose rate table has another fingerprint is named', () => {
    const d = dossier()
    const text = dossierToJson({
      ...d,
      regles: { ...d.regles, bareme: { ...d.regles.bareme, sha256: '0'.repeat(64) } },
    })
    const row = ok(checkPortfolio([{ fichier: 'd.json', contenu: text }]).lignes[0] as PortfolioRow)
    expect(row.anomalies.map((a) => a.code)).toContain('BAREME-EMPREINTE')
  })
})

describe('les doublons d’une CPTS', () => {
  it('are listed, not counted: a copy, the same budget in CSV, its dossier, another version', () => {
    const b = budget() as Budget
    const changed = JSON.parse(BUDGET_TEXT)
    changed.lignes[0].montant = '43000.00'
    changed.lignes[0].repartition = undefined
    const { lignes, synthese } = checkPortfolio([
      { fichier: 'budget.json', contenu: BUDGET_TEXT },
      { fichier: 'copie.json', contenu: BUDGET_TEXT },
      { fichier: 'budget.csv', contenu: budgetToCsv(b) },
      {
        fichier: 'dossier.json',
        contenu: dossierToJson(buildDossier({ budget: b, produitLe: PRODUIT_LE })),
      },
      { fichier: 'v2.json', contenu: JSON.stringify(changed) },
    ])
    expect(lignes.map((l) => (l.statut === 'ok' ? l.doublon : l.message))).toEqual([
      null,
      { de: 1, memesMontants: true },
      { de: 1, memesMontants: true },
      { de: 1, memesMontants: true },
      { de: 1, memesMontants: false },
    ])
    expect(synthese).toMatchObject({ cpts: 1, doublons: 4, entrees: 5 })
    expect(synthese.totalEnveloppe).toBe(ok(lignes[0] as PortfolioRow).totalEnveloppe)
  })

  it('are the same CPTS however its name is cased or accented, for the same fiscal year only', () => {
    const a = generatedBudget(1, { nom: 'CPTS Val-de-Loire' })
    const b = generatedBudget(2, { nom: 'cpts val de loire' })
    const c = { ...generatedBudget(3, { nom: 'CPTS Val-de-Loire' }) }
    c.profil = { ...c.profil, exercice: { debut: '2024-01-01', fin: '2024-12-31' } }
    const { lignes } = checkPortfolio(
      [a, b, c].map((d, i) => ({ fichier: `${i}.json`, contenu: JSON.stringify(d) }))
    )
    expect(lignes.map((l) => (l.statut === 'ok' ? l.doublon : l.message))).toEqual([
      null,
      { de: 1, memesMontants: false },
      null,
    ])
  })

  it('name the line of the first entry, whatever its number (NDJSON line 1 234)', () => {
    const p = newPortfolio()
    const text = JSON.stringify(generatedBudget(4))
    addToPortfolio(p, 'ligne 1234', text, { ligne: 1234 })
    const again = addToPortfolio(p, 'ligne 5678', text, { ligne: 5678 })
    expect(ok(again).doublon).toEqual({ de: 1234, memesMontants: true })
  })
})

describe('les CPTS signalées', () => {
  it('names a budget checked on a rate version other than its contract years’', () => {
    const doc = generatedBudget(5)
    const signed2021 = { ...doc, profil: { ...doc.profil, signature: '2021-11-15' } }
    const row = ok(
      checkPortfolio([{ fichier: 'a.json', contenu: JSON.stringify(signed2021) }])
        .lignes[0] as PortfolioRow
    )
    expect(row.version).toBe('aci-2019')
    expect(row.versionsEnVigueur).toEqual(['aci-avenant-2'])
    expect(row.anneesContrat).toEqual([4, 5])
    const version = row.anomalies.find((a) => a.code === 'BAREME-VERSION')
    expect(version?.message).toMatch(
      /barème aci-2019, alors que le barème en vigueur pour l’année de contrat de l’exercice est aci-avenant-2/
    )
  })

  it('names fonctionnement over its envelope, hoarding and the PASS, traceable to the section or the person', () => {
    const row = ok(
      checkPortfolio([{ fichier: 'f.json', contenu: BUDGET_TEXT }]).lignes[0] as PortfolioRow
    )
    const codes = row.anomalies.map((a) => a.code)
    expect(codes).toEqual(
      expect.arrayContaining(['FONC-DEPASSEE', 'SENAT-THESAURISATION', 'PASS-PLAFOND'])
    )
    expect(row.anomalies.find((a) => a.code === 'FONC-DEPASSEE')?.section).toBe('fonctionnement')
    expect(row.anomalies.find((a) => a.code === 'PASS-PLAFOND')?.beneficiaire).toBe(
      'Dr Anne Martin'
    )
  })
})

describe('les octets d’un fichier', () => {
  it('are decoded as decodeText reads them: a CSV saved by French Excel in Windows-1252', () => {
    const csv = budgetToCsv(budget())
    const bytes = Uint8Array.from(
      [...csv.replace(/^\uFEFF/, '')].map((ch) => {
        const code = ch.charCodeAt(0)
        if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
        const cp1252: Record<string, number> = {
          '’': 0x92,
          '€': 0x80,
          '–': 0x96,
          œ: 0x9c,
          '…': 0x85,
          '\u202f': 0xa0,
        }
        return cp1252[ch] ?? 0x3f
      })
    )
    const row = ok(checkPortfolio([{ fichier: 'b.csv', contenu: bytes }]).lignes[0] as PortfolioRow)
    expect(row).toMatchObject({
      source: 'budget_csv',
      encodage: 'windows-1252',
      nom: 'CPTS des Deux Rives',
    })
  })
})

describe('propriété', () => {
  it('the portfolio’s totals are the sums of its counted rows, in any order, with duplicates and errors', () => {
    const pool = Array.from({ length: 12 }, (_, i) => JSON.stringify(generatedBudget(100 + i)))
    pool.push('pas un budget', '{"profil":')
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 20 }),
        (picks) => {
          const portfolio = newPortfolio()
          const rows = picks.map((k, i) => addToPortfolio(portfolio, `f${i}`, pool[k] as string))
          const s = portfolioSummary(portfolio)
          const counted = rows.flatMap((r) => (r.statut === 'ok' && r.doublon === null ? [r] : []))
          const sum = (f: (r: PortfolioRowOk) => string | null) =>
            counted.reduce((a, r) => a + cents(f(r) ?? '0'), 0)
          expect(s.cpts).toBe(counted.length)
          expect(s.cpts + s.erreurs + s.doublons).toBe(rows.length)
          expect(cents(s.totalEnveloppe)).toBe(sum((r) => r.totalEnveloppe))
          expect(cents(s.charges)).toBe(sum((r) => r.charges))
          expect(cents(s.realise.chargesSectionsAci)).toBe(sum((r) => r.realise))
          expect(cents(s.financementsHorsAci.total)).toBe(sum((r) => r.financementsHorsAci.total))
          for (const m of s.parMission) {
            const section = (r: PortfolioRowOk) => r.sections.find((x) => x.section === m.section)
            expect(cents(m.enveloppe)).toBe(sum((r) => section(r)?.enveloppe ?? null))
            expect(cents(m.charges)).toBe(
              sum((r) => (section(r)?.enveloppe === null ? null : (section(r)?.charges ?? null)))
            )
          }
          expect(s.constats.error).toBe(counted.reduce((a, r) => a + r.constats.error, 0))
        }
      ),
      { numRuns: 40 }
    )
  })
})
