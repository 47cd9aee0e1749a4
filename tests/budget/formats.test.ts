import { describe, expect, it } from 'vitest'
import { budgetFromCsv, budgetFromJson, budgetToCsv, budgetToJson, parseBudget } from '../../shared'
import { publishedSchemas } from '../support/json-schemas'
import { errorOf, fixtureText } from './support/budgets'

const budgetSchemaText = () =>
  publishedSchemas().find((s) => s.path === 'shared/budget/budget.schema.json')?.text ?? ''

const small = () =>
  parseBudget({
    profil: {
      nom: 'CPTS « Rives ; Coteaux »',
      taille: 2,
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions: [
        { mission: 'acces', debut: '2023-03-01', taux: '0.8' },
        { mission: 'crise', debut: '2024-03-01', taux: '0', phase: 'mise_a_jour' },
      ],
      seuils: { pass: '90' },
    },
    lignes: [
      {
        compte: '6411',
        libelle: 'Salaire "coordinatrice"',
        montant: '42000.00',
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'fonctionnement', pourcentage: '62.5' },
            { section: 'acces', pourcentage: '37.5' },
          ],
        },
      },
      {
        compte: '6228',
        libelle: '=HYPERLINK("http://x")',
        montant: '1234.5',
        repartition: { mode: 'montants', parts: [{ section: 'acces', montant: '1234.5' }] },
        beneficiaire: 'Dr Anne Martin',
      },
      { compte: '70611', libelle: 'ACI', montant: '60000', financeur: 'aci' },
    ],
  })

const EXPECTED_CSV = [
  'Budget ACI-CPTS;format 1;;;;;;;;;;;;',
  ';;;;;;;;;;;;;',
  'Profil;Valeur;;;;;;;;;;;;',
  'Nom de la CPTS;"CPTS « Rives ; Coteaux »";;;;;;;;;;;;',
  'Taille;2;;;;;;;;;;;;',
  'Population;;;;;;;;;;;;;',
  'Date de signature du contrat;01/03/2023;;;;;;;;;;;;',
  'Version du barème;;;;;;;;;;;;;',
  'Début de l’exercice;01/01/2025;;;;;;;;;;;;',
  'Fin de l’exercice;31/12/2025;;;;;;;;;;;;',
  'Seuil de thésaurisation;;;;;;;;;;;;;',
  'Seuil d’alerte PASS;90%;;;;;;;;;;;;',
  ';;;;;;;;;;;;;',
  'Missions engagées;Début;Taux d’atteinte attendu;Phase du plan de crise;;;;;;;;;;',
  'Accès aux soins;01/03/2023;80%;;;;;;;;;;;',
  'Crises sanitaires graves;01/03/2024;0%;mise à jour;;;;;;;;;;',
  ';;;;;;;;;;;;;',
  'Compte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Fonctionnement;Accès aux soins;Parcours pluriprofessionnels;Prévention;Crises sanitaires graves;Qualité et pertinence des soins;Accompagnement des professionnels de santé;Hors ACI',
  '6411;"Salaire ""coordinatrice""";42000,00;clés;;;62,5%;37,5%;;;;;;',
  '6228;"\'=HYPERLINK(""http://x"")";1234,50;montants;;Dr Anne Martin;;1234,50;;;;;;',
  '70611;ACI;60000,00;;ACI (Assurance Maladie);;;;;;;;;',
]

describe('CSV pour Excel en français', () => {
  it('UTF-8 with BOM, `;`, CRLF, decimal comma, JJ/MM/AAAA dates, percentages, quotes where needed', () => {
    const csv = budgetToCsv(small())
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([...EXPECTED_CSV, ''])
  })

  it('text Excel would run as a formula gets an apostrophe, which the import removes', () => {
    const doc = small()
    expect(budgetToCsv(doc)).toContain('"\'=HYPERLINK(')
    expect(budgetFromCsv(budgetToCsv(doc))).toEqual(doc)
  })

  it('reads the file back after Excel edits it: grouped digits, € signs, spaced %, LF, codes or labels, no BOM', () => {
    const edited = [
      'Budget ACI-CPTS;format 1',
      '',
      'Profil;Valeur',
      'Nom de la CPTS;"CPTS « Rives ; Coteaux »"',
      'TAILLE;2',
      'Date de signature du contrat;2023-03-01',
      'Debut de l exercice;1/1/2025',
      'Fin de l’exercice;31/12/2025',
      'Seuil d’alerte PASS;90 %',
      '',
      'Missions engagées;Début;Taux;Phase',
      'acces;01/03/2023;80 %;',
      'crise;01/03/2024;0\u00a0%;Mise à jour',
      '',
      'Compte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;fonctionnement;acces',
      '6411;"Salaire ""coordinatrice""";42\u202f000,00 €;CLÉS;;;62,5 %;37,5 %',
      '6228;=HYPERLINK("http://x");1 234,5;montants;;Dr Anne Martin;;1234,50',
      '70611;ACI;60000;;aci;;;',
    ].join('\n')
    const doc = budgetFromCsv(edited)
    const expected = small()
    expect(doc).toEqual({
      ...expected,
      lignes: expected.lignes.map((l, i) =>
        i === 1 ? { ...l, libelle: '=HYPERLINK("http://x")' } : l
      ),
    })
  })

  it('a line break inside a quoted label is refused by the document, naming the CSV line', () => {
    const csv = budgetToCsv(small()).replace('"Salaire ""coordinatrice"""', '"Salaire\r\nbis"')
    const error = errorOf(() => budgetFromCsv(csv))
    expect(error.code).toBe('budget_invalide')
    expect(error.argument).toBe('lignes[0].libelle')
    expect(error.message).toBe(
      'ligne 19 du fichier CSV, lignes[0].libelle : libellé attendu : un texte non vide, sur une seule ligne.'
    )
  })

  it.each([
    [
      'not our file',
      'Compte;Libellé\r\n6411;x\r\n',
      'ligne 1, A',
      /commençant par « Budget ACI-CPTS ; format 1 »/,
    ],
    [
      'an unknown format',
      'Budget ACI-CPTS;format 2\r\n',
      'ligne 1, B',
      /version du format attendue : « format 1 »/,
    ],
    [
      'an unknown profile entry',
      'Budget ACI-CPTS;format 1\r\nProfil;Valeur\r\nCouleur;bleu\r\n',
      'ligne 3, A',
      /information du profil inconnue « Couleur »/,
    ],
    [
      'an unknown section column',
      'Budget ACI-CPTS;format 1\r\nCompte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Gouvernance\r\n',
      'ligne 2, colonne 7',
      /section inconnue « Gouvernance »/,
    ],
    [
      'sections filled without a mode',
      'Budget ACI-CPTS;format 1\r\nCompte;Libellé;Montant;Répartition;Financeur;Bénéficiaire;Fonctionnement\r\n6411;x;10;;;;10\r\n',
      'ligne 3, Répartition',
      /le mode de répartition manque/,
    ],
    [
      'an unterminated quote',
      'Budget ACI-CPTS;format 1\r\n\r\nProfil;"Valeur\r\n',
      'ligne 3, texte entre guillemets',
      /guillemet fermant manquant/,
    ],
  ])('refuses %s, naming the CSV line', (_what, csv, argument, message) => {
    const error = errorOf(() => budgetFromCsv(csv))
    expect(error.code).toBe('csv_invalide')
    expect(error.argument).toBe(argument)
    expect(error.message).toMatch(message)
  })

  it('an unquoted `;` in a text shifts the cells: refused rather than cut silently', () => {
    const csv = budgetToCsv(small()).replace(
      '"CPTS « Rives ; Coteaux »"',
      'CPTS « Rives ; Coteaux »'
    )
    const error = errorOf(() => budgetFromCsv(csv))
    expect(error.code).toBe('csv_invalide')
    expect(error.message).toBe(
      'ligne 4, colonne 3 : valeur en trop « Coteaux » » : un point-virgule dans un texte doit être entre guillemets.'
    )
  })

  it('an amount Excel cannot have written: the document’s error, at its CSV line', () => {
    const csv = budgetToCsv(small()).replace('42000,00', '42.000,00')
    const error = errorOf(() => budgetFromCsv(csv))
    expect(error.argument).toBe('lignes[0].montant')
    expect(error.message).toMatch(
      /^ligne 19 du fichier CSV, lignes\[0\]\.montant : montant attendu/
    )
  })

  it('the profile’s errors point at their CSV line too', () => {
    const csv = budgetToCsv(small()).replace('Taille;2', 'Taille;deux')
    expect(errorOf(() => budgetFromCsv(csv)).message).toBe(
      'ligne 5 du fichier CSV, profil.taille : taille attendue : un entier de 1 à 4.'
    )
  })

  it('the fixtures round-trip through CSV', () => {
    for (const name of ['cpts-taille-2-aci-avenant-2.json', 'cpts-taille-2-aci-2019.json']) {
      const doc = budgetFromJson(fixtureText(name))
      expect(budgetFromCsv(budgetToCsv(doc))).toEqual(doc)
    }
  })
})

describe('JSON', () => {
  it('two-space indented, a final newline, a BOM accepted on the way in', () => {
    const text = budgetToJson(small())
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "profil": {')
    expect(budgetFromJson(`\ufeff${text}`)).toEqual(small())
  })

  it('malformed JSON: a French message, not the engine’s', () => {
    const error = errorOf(() => budgetFromJson('{"profil": '))
    expect(error.code).toBe('json_invalide')
    expect(error.message).toBe(
      'budget : texte JSON invalide (vérifier les guillemets, les virgules et les accolades).'
    )
  })
})

describe('schéma JSON publié', () => {
  it('describes the document closely: required fields, closed objects, the two split modes', () => {
    const schema = JSON.parse(budgetSchemaText())
    expect(schema.required).toEqual(['profil', 'lignes'])
    expect(schema.additionalProperties).toBe(false)
    const ligne = schema.properties.lignes.items
    expect(ligne.required).toEqual(['compte', 'libelle', 'montant'])
    expect(
      ligne.properties.repartition.oneOf.map(
        (o: { properties: { mode: { const: string } } }) => o.properties.mode.const
      )
    ).toEqual(['montants', 'cles'])
    expect(ligne.properties.montant.pattern).toBe('^-?\\d{1,13}(\\.\\d{1,2})?$')
  })
})
