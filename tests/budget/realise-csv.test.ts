// Actuals in CSV for French Excel: the budget's Réalisé columns, and a short CSV of actuals merged into a budget.
import { describe, expect, it } from 'vitest'
import { budgetFromCsv, budgetToCsv, checkBudget, parseBudget } from '../../shared'
import { actualsFromCsv } from '../../shared/budget'
import { cleanBudget, errorOf, fixtureText } from './support/budgets'

const BOM = '\ufeff'
const csv = (...rows: string[]) => `${BOM}${rows.join('\r\n')}\r\n`

describe('colonne Réalisé du budget en CSV', () => {
  it('a budget without actuals keeps its layout; with actuals, Réalisé comes after the sections', () => {
    const plan = cleanBudget()
    expect(budgetToCsv(plan)).not.toContain('Réalisé')
    const doc = parseBudget(JSON.parse(fixtureText('cpts-taille-2-aci-avenant-2-realise.json')))
    const text = budgetToCsv(doc)
    expect(text).toContain(
      ';Hors ACI;Réalisé;Répartition du réalisé;Réalisé – Fonctionnement;Réalisé – Accès aux soins;'
    )
    expect(text).toContain(
      '6411;Salaire brut du chargé de mission parcours et prévention;30000,00;'
    )
    expect(text).toContain(';27500,00;clés;;;50%;50%;')
    expect(budgetFromCsv(text)).toEqual(doc)
  })
})

describe('actualsFromCsv', () => {
  const budget = cleanBudget()

  it('merges actuals by account and label, the way French Excel writes them', () => {
    const merged = actualsFromCsv(
      csv(
        'compte;LIBELLE;Réalisé',
        '6411;Salaire de la coordinatrice;52 500,00',
        '6228;régulation des soins non programmes;"112\u202f000,50 €"',
        '706;Financement ACI;208125'
      ),
      budget
    )
    expect(merged.lignes.map((l) => l.realise)).toEqual([
      '52500.00',
      '112000.50',
      undefined,
      undefined,
      undefined,
      '208125.00',
    ])
    expect(merged.lignes[0]).toMatchObject({
      montant: '60000.00',
      repartition: budget.lignes[0]?.repartition,
    })
    expect(checkBudget(merged).totaux.realise?.charges).toBe('164500.50')
  })

  it('an actual with no budget line becomes a new line at 0,00, its own split from the section columns', () => {
    const merged = actualsFromCsv(
      csv(
        'Compte;Libellé;Réalisé;Fonctionnement;Accès aux soins',
        '6251;Déplacements;1 000,00;40 %;60 %',
        '6064;Imprimante;450,00;;'
      ),
      budget
    )
    expect(merged.lignes.slice(6)).toEqual([
      {
        compte: '6251',
        libelle: 'Déplacements',
        montant: '0.00',
        realise: '1000.00',
        repartitionRealise: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '40' },
            { section: 'acces', pourcentage: '60' },
          ],
        },
      },
      { compte: '6064', libelle: 'Imprimante', montant: '0.00', realise: '450.00' },
    ])
    const report = checkBudget(merged)
    expect(report.sections[0]?.realise?.charges).toBe('400.00')
    expect(report.totaux.realise?.nonReparti).toBe('450.00') // the printer, not split
  })

  it('reads the split’s mode from its Répartition column, in any spelling, and names an unknown one', () => {
    const merged = actualsFromCsv(
      csv(
        'Compte;Libellé;Réalisé;Répartition;Fonctionnement;Accès aux soins',
        '6251;Déplacements;1 000,00;clés;40;60',
        '6064;Imprimante;450,00;Montants;450,00;',
        '6185;Formation;300,00;CLÉS;100;'
      ),
      budget
    )
    expect(merged.lignes.slice(6).map((l) => l.repartitionRealise)).toEqual([
      {
        mode: 'cles',
        parts: [
          { section: 'fonctionnement', pourcentage: '40' },
          { section: 'acces', pourcentage: '60' },
        ],
      },
      { mode: 'montants', parts: [{ section: 'fonctionnement', montant: '450.00' }] },
      { mode: 'cles', parts: [{ section: 'fonctionnement', pourcentage: '100' }] },
    ])
    const error = errorOf(() =>
      actualsFromCsv(
        csv(
          'Compte;Libellé;Réalisé;Répartition;Fonctionnement',
          '6251;Déplacements;1 000,00;moitié;50'
        ),
        budget
      )
    )
    expect(error.code).toBe('csv_invalide')
    expect(error.message).toBe(
      'ligne 2, Répartition : mode « moitié » inconnu : « montants » ou « clés ».'
    )
  })

  it('a bad amount: csv_invalide with the line and the column, in French', () => {
    const error = errorOf(() =>
      actualsFromCsv(
        csv('Compte;Libellé;Réalisé', '', '6411;Salaire de la coordinatrice;12,3,4'),
        budget
      )
    )
    expect(error.code).toBe('csv_invalide')
    expect(error.message).toBe(
      'ligne 3, Réalisé : montant attendu en euros, au plus deux décimales (par exemple 1 234,56), reçu « 12,3,4 ».'
    )
  })

  it('refuses a header without Réalisé, an unknown column, a row twice, a missing amount', () => {
    const cases: [string, string][] = [
      [csv('Compte;Libellé;Montant'), 'ligne 1, colonne 3 : colonne inconnue « Montant »'],
      [csv('Compte;Libellé'), 'ligne 1, en-tête : colonne « Réalisé » attendue'],
      [
        csv('Compte;Libellé;Réalisé', '604;Actions de prévention;1', '604;ACTIONS DE PREVENTION;2'),
        'ligne 3, Libellé : compte 604 « ACTIONS DE PREVENTION » déjà donné ligne 2',
      ],
      [
        csv('Compte;Libellé;Réalisé', '604;Actions de prévention;'),
        'ligne 2, Réalisé : montant réalisé manquant',
      ],
      [
        csv('Compte;Libellé;Réalisé', '5;Banque;10'),
        'ligne 2 du fichier CSV des réalisés, lignes[6].compte',
      ],
    ]
    for (const [text, start] of cases) {
      const error = errorOf(() => actualsFromCsv(text, budget))
      expect(error.code).toBe('csv_invalide')
      expect(error.message.startsWith(start)).toBe(true)
    }
  })

  it('an unterminated quote names its line', () => {
    const error = errorOf(() =>
      actualsFromCsv(csv('Compte;Libellé;Réalisé', '604;"Actions;1'), budget)
    )
    expect(error.message).toContain('ligne 2')
  })
})
