// Real files: a budget and its actuals saved by French Excel in Windows-1252, and ledger rows that find their budget lines by account.
import { describe, expect, it } from 'vitest'
import {
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  budgetToJson,
  importActualsCsv,
  importBudgetCsv,
  importBudgetJson,
  parseBudget,
} from '../../shared'
import { actualsFromCsv } from '../../shared/budget'
import { errorOf, fixtureText } from './support/budgets'

/** Windows-1252 bytes of a text, as `iconv -f utf-8 -t cp1252` writes them (no BOM). */
const CP1252: ReadonlyMap<string, number> = new Map(
  [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
    0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
  ].flatMap((code, i) => (code === 0 ? [] : [[String.fromCharCode(code), 0x80 + i] as const]))
)
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text.replace(/^\ufeff/, '')], (char) => {
    const code = char.charCodeAt(0)
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
    const byte = CP1252.get(char)
    if (byte === undefined) throw new Error(`pas en Windows-1252 : ${char}`)
    return byte
  })
}
/** What `File.text()` gives for these bytes: UTF-8, each invalid byte a U+FFFD. */
const asFileText = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes)

/** The fixture with one more line, « Honoraires comptabilité », as the review built it. */
function reviewBudget() {
  const doc = parseBudget(JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2.json')))
  return parseBudget({
    ...doc,
    profil: { ...doc.profil, nom: 'CPTS Vallée de l’Hérault – Santé' },
    lignes: [
      ...doc.lignes,
      {
        compte: '6226',
        libelle: 'Honoraires comptabilité',
        montant: '1234.56',
        repartition: {
          mode: 'montants',
          parts: [{ section: 'fonctionnement', montant: '1234.56' }],
        },
      },
    ],
  })
}

describe('imports from the bytes of a file: UTF-8 or Windows-1252, said', () => {
  it('the app’s own budget CSV converted to Windows-1252 imports, « Version du barème » read right and the CPTS’s name intact', () => {
    const doc = reviewBudget()
    const bytes = windows1252(budgetToCsv(doc))
    expect(asFileText(bytes)).toContain('Version du bar\ufffdme')
    const read = importBudgetCsv(bytes)
    expect(read.encodage).toBe('windows-1252')
    expect(read.encodageLibelle).toBe('Windows-1252 (détecté)')
    expect(read.budget).toEqual(doc)
    expect(read.budget.profil.nom).toBe('CPTS Vallée de l’Hérault – Santé')
    // The same file read in UTF-8 (with its BOM) says so; a declared charset wins.
    expect(importBudgetCsv(new TextEncoder().encode(budgetToCsv(doc))).encodage).toBe('utf-8-bom')
    expect(importBudgetCsv(bytes, { charset: 'windows-1252' }).source).toBe('declare')
  })

  it('text already misread (U+FFFD) is refused, saying the file was saved in another encoding, never read', () => {
    const text = asFileText(windows1252(budgetToCsv(reviewBudget())))
    for (const read of [() => budgetFromCsv(text), () => importBudgetCsv(text)]) {
      const error = errorOf(read)
      expect(error.code).toBe('encodage_invalide')
      expect(error.message).toMatch(/^fichier CSV du budget, ligne 4 : caractère illisible/)
      expect(error.message).toContain('autre encodage')
      expect(error.message).toContain('« CSV UTF-8')
      expect(error.message).toContain('Windows-1252')
    }
  })

  it('a budget JSON saved as « ANSI » keeps its accents from its bytes, and its misread text is refused', () => {
    const doc = reviewBudget()
    const bytes = windows1252(budgetToJson(doc))
    const read = importBudgetJson(bytes)
    expect(read.encodage).toBe('windows-1252')
    expect(read.budget.lignes.at(-1)?.libelle).toBe('Honoraires comptabilité')
    expect(read.budget).toEqual(doc)
    expect(errorOf(() => budgetFromJson(asFileText(bytes))).code).toBe('encodage_invalide')
  })

  it('an actuals CSV in Windows-1252 with « Honoraires comptabilité » lands on its line, not on a new one', () => {
    const budget = reviewBudget()
    const bytes = windows1252('Compte;Libellé;Réalisé\r\n6226;Honoraires comptabilité;1 100,00\r\n')
    const read = importActualsCsv(bytes, budget)
    expect(read.encodage).toBe('windows-1252')
    expect(read.budget.lignes).toHaveLength(budget.lignes.length)
    expect(read.budget.lignes.at(-1)).toMatchObject({
      libelle: 'Honoraires comptabilité',
      realise: '1100.00',
    })
    expect(read.rapport).toMatchObject({ rapprochees: 1, horsBudget: 0 })
    // Two lines of 6226 in that budget: the label chose, as written.
    expect(read.rapport.lignes[0]?.regle).toBe('libelle-exact')
    // The header without accents of the review, misread: refused, never a line « comptabilit� ».
    const misread = asFileText(
      windows1252('Compte;Libelle;Realise\r\n6226;Honoraires comptabilité;1 100,00\r\n')
    )
    expect(errorOf(() => actualsFromCsv(misread, budget)).message).toMatch(
      /^fichier CSV des réalisés, ligne 2 : caractère illisible/
    )
  })
})

describe('actuals find their budget lines by account, the label choosing only between lines of one account', () => {
  const budget = parseBudget(JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2.json')))
  const only6226 = budget.lignes.findIndex((l) => l.compte === '6226')
  const withHonoraires = parseBudget({
    ...budget,
    lignes: budget.lignes.map((l, i) =>
      i === only6226
        ? { ...l, libelle: 'Honoraires expert-comptable et commissaire aux comptes' }
        : l
    ),
  })

  it('« 6226;Honoraires;5 640,00 » lands on the budget’s only 6226 line', () => {
    const { budget: merged, rapport } = importActualsCsv(
      'Compte;Libellé;Réalisé\r\n6226;Honoraires;5 640,00\r\n',
      withHonoraires
    )
    expect(merged.lignes).toHaveLength(withHonoraires.lignes.length)
    expect(merged.lignes[only6226]).toMatchObject({
      compte: '6226',
      libelle: 'Honoraires expert-comptable et commissaire aux comptes',
      realise: '5640.00',
    })
    expect(rapport.lignes).toEqual([
      expect.objectContaining({
        ligneCsv: 2,
        resultat: 'rapprochee',
        regle: 'compte',
        ligneBudget: only6226,
        libelleBudget: 'Honoraires expert-comptable et commissaire aux comptes',
      }),
    ])
    expect(rapport.lignes[0]?.explication).toContain('seule ligne du budget à ce compte')
    expect(encodingOf(rapport)).toBeUndefined()
  })

  it('a sub-account 6226000 matches 6226 by prefix, the longest prefix winning; sub-accounts add up', () => {
    const doc = parseBudget({
      ...withHonoraires,
      lignes: [
        ...withHonoraires.lignes,
        { compte: '62261', libelle: 'Commissaire aux comptes', montant: '0.00' },
      ],
    })
    const { budget: merged, rapport } = importActualsCsv(
      'Compte;Libellé;Réalisé\r\n6226000;Expert-comptable;3 000,00\r\n6226100;CAC;2 000,00\r\n6226900;Honoraires divers;640,00\r\n',
      doc
    )
    expect(rapport.lignes.map((m) => [m.compteBudget, m.regle])).toEqual([
      ['6226', 'compte'],
      ['62261', 'compte'],
      ['6226', 'compte'],
    ])
    expect(merged.lignes[only6226]?.realise).toBe('3640.00')
    expect(merged.lignes.at(-1)?.realise).toBe('2000.00')
  })

  it('between lines of one account: exact label, then without case or accents, then most words shared; else unbudgeted, said why', () => {
    const rows = [
      'Compte;Libellé;Réalisé',
      '6228;Rémunération de la régulation des soins non programmés;30 000,00',
      '6228;REMUNERATION DES REUNIONS DE CONCERTATION PLURIPROFESSIONNELLE;40 000,00',
      '6228;Astreintes de régulation;1 000,00',
      '6228;Frais divers;10,00',
      '627;Services bancaires;120,00',
    ]
    const { budget: merged, rapport } = importActualsCsv(`${rows.join('\r\n')}\r\n`, budget)
    expect(rapport.lignes.map((m) => [m.regle, m.resultat])).toEqual([
      ['libelle-exact', 'rapprochee'],
      ['libelle-normalise', 'rapprochee'],
      ['libelle-mots', 'rapprochee'],
      ['libelle-sans-correspondance', 'hors-budget'],
      ['compte-absent', 'hors-budget'],
    ])
    expect(rapport.lignes[2]?.libelleBudget).toBe(
      'Rémunération de la régulation des soins non programmés'
    )
    expect(merged.lignes[rapport.lignes[0]?.ligneBudget as number]?.realise).toBe('31000.00')
    expect(rapport).toMatchObject({ rapprochees: 3, horsBudget: 2 })
    expect(rapport.lignes[3]?.explication).toContain('hors budget')
    expect(rapport.lignes[4]?.explication).toBe(
      'aucune ligne du budget au compte 627 ni à un compte qui le commence : ligne hors budget'
    )
    expect(merged.lignes.at(-1)).toMatchObject({
      compte: '627',
      montant: '0.00',
      realise: '120.00',
    })
    expect(rapport.sansRealise.some((l) => l.compte === '6226')).toBe(true)
  })
})

function encodingOf(rapport: object): unknown {
  return (rapport as { encodage?: unknown }).encodage
}

describe('amounts as French files write them', () => {
  it('a thin space (U+2009) between thousands is read like a no-break space: « 1 234,56 »', () => {
    const budget = reviewBudget()
    const { budget: merged } = importActualsCsv(
      'Compte;Libellé;Réalisé\r\n6226;Honoraires comptabilité;1\u2009234,56\r\n',
      budget
    )
    expect(merged.lignes.at(-1)?.realise).toBe('1234.56')
    const text = budgetToCsv(budget).replace(';1234,56;', ';1\u2009234,56;')
    expect(text).toContain('1\u2009234,56')
    expect(budgetFromCsv(text)).toEqual(budget)
  })

  it('a budget CSV’s refused amount speaks of the decimal comma the file uses, not of a decimal point', () => {
    const text = budgetToCsv(reviewBudget()).replace(';1234,56;', ';1234,567;')
    const message = errorOf(() => budgetFromCsv(text)).message
    expect(message).toContain('virgule décimale')
    expect(message).toContain('42 000,00')
    expect(message).not.toContain('point décimal')
  })
})
