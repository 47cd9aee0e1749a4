// The dossier's PDF read back with pdftotext (poppler-utils): the fixture's key figures, page numbers, headers repeated across pages, French amounts and accents, no character lost.
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { buildDossier, type Dossier, loadDossierPdf } from '../../../shared'
import { Layout } from '../../../shared/dossier/pdf/layout'
import { toWinAnsi } from '../../../shared/dossier/pdf/text'
import {
  annexe,
  budget,
  budgetRealise,
  CLE,
  contratCrise,
  LIVRABLES,
  OBSERVATIONS,
  PRODUIT_LE,
} from './support/fixtures'
import { pdftotext, textOf } from './support/poppler'

const tool = pdftotext()
const skip = 'reason' in tool ? tool.reason : false
const path = 'path' in tool ? tool.path : ''

/** pdftotext -raw keeps the drawing order; spaces of every kind become one. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ')

async function pdfOf(d: Dossier): Promise<Uint8Array> {
  const { dossierPdf } = await loadDossierPdf()
  return dossierPdf(d)
}

function pages(text: string): string[] {
  return text.split('\f').filter((p) => p.trim() !== '')
}

describe('texte pour les polices standard (WinAnsi)', () => {
  it('keeps every French letter, the euro sign, the quotes and dashes as they are', () => {
    const french = 'àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ « » ’ “ ” – — … € n° § ×'
    expect(toWinAnsi(french)).toBe(french)
  })

  it('draws the narrow no-break space of French digit groups as a no-break space', () => {
    expect(toWinAnsi('12\u202f500,00\u00a0€')).toBe('12\u00a0500,00\u00a0€')
    expect(toWinAnsi('≥ 40 → 8 000')).toBe('>= 40 -> 8 000')
  })

  it('takes the accent off a Latin letter WinAnsi lacks, and marks what it cannot draw', () => {
    expect(toWinAnsi('Ștefan Dăscălescu')).toBe('Stefan Dascalescu')
    expect(toWinAnsi('王')).toBe('?')
  })

  it('gives only characters Helvetica has, for every text of a full dossier: nothing turned into « ? »', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const charset = new Set(font.getCharacterSet())
    const d = buildDossier({
      budget: budgetRealise(),
      produitLe: PRODUIT_LE,
      annexe: annexe(),
      observations: OBSERVATIONS,
      livrables: LIVRABLES,
    })
    const texts: string[] = []
    JSON.stringify(d, (_key, value) => {
      if (typeof value === 'string') texts.push(value)
      return value
    })
    expect(texts.length).toBeGreaterThan(500)
    for (const text of texts) {
      const drawn = toWinAnsi(text)
      expect(drawn.split('?').length, text).toBe(text.split('?').length)
      for (const char of drawn) {
        if (char !== '\n') expect(charset.has(char.codePointAt(0) as number), char).toBe(true)
      }
    }
  })
})

describe.skipIf(skip)(`PDF du dossier${skip ? ` (sauté : ${skip})` : ''}`, () => {
  it('holds the key figures of the fixture CPTS, in French, with accents', async () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE })
    const text = flat(textOf(path, await pdfOf(d)))
    for (const expected of [
      'Dossier de l’exercice 2025',
      'CPTS des Deux Rives',
      'Établi le 15/03/2026 par ACI-CPTS 0.1.0',
      'du 01/01/2025 au 31/12/2025',
      'aci-avenant-2 : ACI CPTS modifié par l’avenant 2',
      d.regles.bareme.sha256,
      d.regles.planComptable.sha256,
      '2025 : 47 100,00 €',
      'Produits ACI de l’exercice (706) : 271 866,43 €',
      'Total des sections ACI 274 000,00 € 247 763,33 €',
      'Parcours pluriprofessionnels 61 250,00 € 79 999,45 € dépassement de 18 749,45 €',
      'Accompagnement des professionnels de santé',
      'Crises sanitaires graves',
      'Laboratoire pharmaceutique (À RISQUE)',
      'Total hors ACI 25 400,00 €',
      'Le trésorier ou la trésorière',
      'Commissaire aux comptes',
      'Référence :',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('numbers every page « page i / n »', async () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE })
    const list = pages(textOf(path, await pdfOf(d)))
    expect(list.length).toBeGreaterThan(3)
    list.forEach((page, i) => {
      expect(flat(page)).toContain(`page ${i + 1} / ${list.length}`)
    })
  })

  it('prints every finding and every payment of the schedule whole', async () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE })
    const text = flat(textOf(path, await pdfOf(d)))
    for (const c of d.constats.liste) expect(text).toContain(flat(c.message))
    for (const p of d.echeancier.paiements) expect(text).toContain(flat(p.libelle))
  })

  it('leaves no professional’s name in a pseudonymised PDF', async () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE, cleDePseudonymisation: CLE })
    const text = flat(textOf(path, await pdfOf(d)))
    expect(text).not.toContain('Anne Martin')
    expect(text).toMatch(/PS-[0-9a-f]{16} : 50 000,00 €/)
  })

  it('shows actuals, indicators and a crisis year when they are there', async () => {
    const d = buildDossier({
      budget: budgetRealise(),
      contrat: contratCrise(),
      produitLe: PRODUIT_LE,
      annexe: annexe(),
      observations: OBSERVATIONS,
      livrables: LIVRABLES,
    })
    const text = flat(textOf(path, await pdfOf(d)))
    expect(text).toContain('Charges réalisées')
    expect(text).toContain('Exécution')
    expect(text).toContain('5. Indicateurs et volet variable réclamé')
    expect(text).toContain('crise sanitaire grave reconnue')
    expect(text).toContain('Volet variable réclamé : 68 500,00 € sur 82 500,00 €')
    expect(text).toContain('Compte rendu de la cellule d’orientation non')
  })

  it('gives the same bytes for the same dossier', async () => {
    const d = buildDossier({ budget: budget(), produitLe: PRODUIT_LE })
    expect(Buffer.from(await pdfOf(d)).equals(Buffer.from(await pdfOf(d)))).toBe(true)
  })

  it('breaks a long table between rows and repeats its header on each page', async () => {
    const doc = await PDFDocument.create()
    const layout = new Layout(doc, {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    })
    const rows = Array.from({ length: 150 }, (_, i) => [
      `Ligne ${i + 1} de la table, assez longue pour passer parfois sur deux lignes de la cellule`,
      `${i + 1}\u202f000,00\u00a0€`,
    ])
    layout.table(
      [
        { title: 'Libellé de la ligne', width: 0.4 },
        { title: 'Montant', width: 0.6, align: 'right' },
      ],
      rows
    )
    layout.footers('essai')
    const list = pages(textOf(path, await doc.save()))
    expect(list.length).toBeGreaterThan(2)
    let seen = 0
    for (const page of list) {
      const lines = flat(page).trim()
      expect(lines.startsWith('Libellé de la ligne Montant')).toBe(true)
      const numbers = [...lines.matchAll(/Ligne (\d+) de la table/g)].map((m) => Number(m[1]))
      // Every row once, in order, none cut between two pages.
      expect(numbers[0]).toBe(seen + 1)
      seen = numbers[numbers.length - 1] ?? seen
      for (const n of numbers)
        expect(lines).toContain(
          `Ligne ${n} de la table, assez longue pour passer parfois sur deux lignes de la cellule ${n} 000,00 €`
        )
    }
    expect(seen).toBe(150)
  })
})
