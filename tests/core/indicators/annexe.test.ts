// The annex as data: parsed once into a checked type, refused in French naming the field, back to JSON, the published JSON Schema, and the French Excel CSV both ways.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type Annexe,
  annexeDocument,
  annexeFromCsv,
  annexeTable,
  annexeToCsv,
  indicateursOf,
  parseAnnexe,
} from '../../../shared'
import { errorOf } from '../../support/errors'
import { publishedSchemas } from '../../support/json-schemas'
import { annexeTaille3 } from './annexe-taille-3'

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('parseAnnexe', () => {
  it('reads the taille-3 annex: six missions, their actions, evidence and indicators, amounts as Decimals', () => {
    const annexe = parseAnnexe(annexeTaille3)
    expect(annexe.annee).toBe(4)
    expect(annexe.missions.map((m) => m.mission)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'crise',
      'qualite',
      'accompagnement',
    ])
    expect(indicateursOf(annexe)).toHaveLength(20)
    const ald = indicateursOf(annexe).find((i) => i.id === 'ald-sans-mt')
    expect(ald).toMatchObject({ type: 'paliers', sens: 'baisse', mission: 'acces', action: 'mt' })
    expect(ald?.max.toFixed(2)).toBe('8000.00')
    expect(ald?.reference?.toFixed()).toBe('212')
    expect(annexe.missions[0]?.actions[0]?.livrables).toHaveLength(2)
    // An action without evidence has an empty list.
    expect(annexe.missions[1]?.actions[2]?.livrables).toEqual([])
  })

  it('takes amounts and thresholds as JSON numbers too', () => {
    const doc = clone(annexeTaille3) as { missions: { actions: { indicateurs: unknown[] }[] }[] }
    doc.missions[0]?.actions[0]?.indicateurs.splice(0, 1, {
      id: 'ald-sans-mt',
      libelle: 'Patients en ALD sans médecin traitant',
      type: 'paliers',
      sens: 'baisse',
      paliers: [
        { seuil: 40, montant: 8000 },
        { seuil: 90.5, montant: 5000.5 },
      ],
    })
    const ald = indicateursOf(parseAnnexe(doc))[0]
    expect(ald?.type === 'paliers' && ald.paliers.map((p) => p.seuil.toFixed())).toEqual([
      '40',
      '90.5',
    ])
  })

  it.each([
    [
      'a tier amount with three decimals',
      (d: Doc) => {
        ind(d, 0, 0, 0).paliers = [{ seuil: '40', montant: '8000.001' }]
      },
      'annexe.missions[0].actions[0].indicateurs[0].paliers[0].montant',
      'montant du palier attendu : euros positifs, au plus deux décimales',
    ],
    [
      'a negative maximum',
      (d: Doc) => {
        ind(d, 0, 1, 1).max = '-3000'
      },
      'annexe.missions[0].actions[1].indicateurs[1].max',
      'maximum attendu',
    ],
    [
      'a tiered indicator without direction',
      (d: Doc) => {
        ind(d, 0, 0, 0).sens = undefined
      },
      'annexe.missions[0].actions[0].indicateurs[0].sens',
      'sens attendu : hausse ou baisse',
    ],
    [
      'an unknown type',
      (d: Doc) => {
        ind(d, 0, 0, 0).type = 'pourcentage'
      },
      'annexe.missions[0].actions[0].indicateurs[0].type',
      'type attendu : binaire ou paliers',
    ],
    [
      'an unknown field',
      (d: Doc) => {
        ind(d, 0, 0, 0).poids = 2
      },
      'annexe.missions[0].actions[0].indicateurs[0].poids',
      'champ inconnu',
    ],
    [
      'an indicator id used twice',
      (d: Doc) => {
        ind(d, 1, 0, 0).id = 'annuaire'
      },
      'annexe.missions[1].actions[0].indicateurs[0].id',
      'l’identifiant d’indicateur « annuaire » est déjà celui de annexe.missions[0].actions[2].indicateurs[0]',
    ],
    [
      'an action id used twice',
      (d: Doc) => {
        ;(d.missions[2]?.actions[0] as unknown as { id: string }).id = 'mt'
      },
      'annexe.missions[2].actions[0].id',
      'l’identifiant d’action « mt »',
    ],
    [
      'a mission written twice',
      (d: Doc) => {
        ;(d.missions[1] as unknown as { mission: string }).mission = 'acces'
      },
      'annexe.missions[1].mission',
      'la mission acces est écrite deux fois',
    ],
  ])('refuses %s, naming the field', (_, change, field, message) => {
    const doc = clone(annexeTaille3) as unknown as Doc
    change(doc)
    const error = errorOf(() => parseAnnexe(doc))
    expect(error.code).toBe('contrat_invalide')
    expect(error.argument).toBe(field)
    expect(error.message).toContain(message)
  })

  it('gives back its JSON document, which reads to the same annex', () => {
    const annexe = parseAnnexe(annexeTaille3)
    const doc = annexeDocument(annexe)
    expect(doc).toEqual(annexeTaille3)
    expect(parseAnnexe(doc)).toEqual(annexe)
  })
})

type Doc = {
  missions: { actions: { indicateurs: Record<string, unknown>[] }[] }[]
}
function ind(d: Doc, m: number, a: number, i: number): Record<string, unknown> {
  return d.missions[m]?.actions[a]?.indicateurs[i] as Record<string, unknown>
}

describe('the published JSON Schema', () => {
  it('shared/indicators/annexe.schema.json is generated from the validating schema and committed up to date', () => {
    const published = publishedSchemas().find(
      (s) => s.path === 'shared/indicators/annexe.schema.json'
    )
    expect(published).toBeDefined()
    expect(
      readFileSync(
        new URL('../../../shared/indicators/annexe.schema.json', import.meta.url),
        'utf8'
      )
    ).toBe(published?.text)
  })
})

describe('the annex as a French Excel CSV', () => {
  const annexe = parseAnnexe(annexeTaille3)

  it('writes one row per indicator, `;`, decimal comma, evidence on the action’s first row, thresholds then amounts', () => {
    const csv = annexeToCsv(annexe)
    expect(csv.startsWith('\ufeffAnnexe des indicateurs ACI-CPTS')).toBe(true)
    const lines = csv.split('\r\n')
    expect(lines[1]).toBe('Année de contrat;4;;;;;;;;;;;;;;;;')
    expect(lines[3]).toBe(
      'Mission;Action;Libellé de l’action;Livrables;Indicateur;Libellé de l’indicateur;Type;Sens;Unité;Référence;Cible;Maximum;Seuil 1;Seuil 2;Seuil 3;Montant 1;Montant 2;Montant 3'
    )
    expect(csv).toContain(
      'Prévention;depistage;Dépistage organisé du cancer colorectal;Support de la campagne;depistage-colorectal;Taux de dépistage du cancer colorectal des 50-74 ans;paliers;hausse;%;57,5;66;;60;63;66;1000;2000;3000'
    )
    expect(csv).toContain(
      'Accès aux soins;offre;;;delai-ophtalmo;Délai moyen d’obtention d’un rendez-vous en ophtalmologie;paliers;baisse;jours;95;;;30;60;90;5000;3000;1000'
    )
    // Two evidence items: one cell, one per line, quoted.
    expect(csv).toContain(
      '"Liste anonymisée des patients en ALD sans médecin traitant au 31/12\nCompte rendu de la cellule d’orientation"'
    )
    expect(annexeTable(annexe).rows).toHaveLength(20)
  })

  it('reads back what it writes (round trip)', () => {
    expect(annexeFromCsv(annexeToCsv(annexe))).toEqual(annexe)
  })

  it('reads what French Excel saves after editing: grouped digits, euros, percentages, labels, no title row', () => {
    const text = [
      'Mission;Action;Libellé de l’action;Livrables;Indicateur;Libellé de l’indicateur;Type;Sens;Unité;Référence;Cible;Maximum;Seuil 1;Montant 1;Seuil 2;Montant 2;Seuil 3;Montant 3',
      'ACCES;mt;Médecin traitant;;ald-sans-mt;Patients en ALD sans médecin traitant;Paliers;À la baisse;patients;;;;40;8 000,00 €;90;5\u00a0000,00 €;180;2 000 €',
      'Accès aux soins;mt;;;annuaire;Annuaire diffusé;tout ou rien;;;;;4 000,00 €;;;;;;',
      ';;;;;;;;;;;;;;;;;',
      'prévention;dep;Dépistage;Support;dep-cc;Dépistage colorectal;paliers;hausse;%;57,5 %;;;60 %;1 000;63,5 %;2 000;66 %;3 000',
    ].join('\n')
    const read = annexeFromCsv(text)
    expect(annexeDocument(read)).toEqual({
      missions: [
        {
          mission: 'acces',
          actions: [
            {
              id: 'mt',
              libelle: 'Médecin traitant',
              indicateurs: [
                {
                  id: 'ald-sans-mt',
                  libelle: 'Patients en ALD sans médecin traitant',
                  unite: 'patients',
                  type: 'paliers',
                  sens: 'baisse',
                  paliers: [
                    { seuil: '40', montant: '8000' },
                    { seuil: '90', montant: '5000' },
                    { seuil: '180', montant: '2000' },
                  ],
                },
                { id: 'annuaire', libelle: 'Annuaire diffusé', type: 'binaire', max: '4000' },
              ],
            },
          ],
        },
        {
          mission: 'prevention',
          actions: [
            {
              id: 'dep',
              libelle: 'Dépistage',
              livrables: ['Support'],
              indicateurs: [
                {
                  id: 'dep-cc',
                  libelle: 'Dépistage colorectal',
                  unite: '%',
                  reference: '57.5',
                  type: 'paliers',
                  sens: 'hausse',
                  paliers: [
                    { seuil: '60', montant: '1000' },
                    { seuil: '63.5', montant: '2000' },
                    { seuil: '66', montant: '3000' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
  })

  const header =
    'Mission;Action;Libellé de l’action;Livrables;Indicateur;Libellé de l’indicateur;Type;Sens;Unité;Référence;Cible;Maximum;Seuil 1;Montant 1;Seuil 2;Montant 2'
  it.each([
    [
      'a tier amount that is not a number',
      'acces;mt;MT;;ald;ALD;paliers;baisse;;;;;40;huit mille;;',
      'ligne 2, Montant 1 : montant du palier attendu',
    ],
    [
      'a tier without its amount',
      'acces;mt;MT;;ald;ALD;paliers;baisse;;;;;40;8000;90;',
      'ligne 2, Montant 2 : un palier a un seuil et un montant',
    ],
    [
      'an unknown mission',
      'urgences;mt;MT;;ald;ALD;binaire;;;;;4000;;;;',
      'ligne 2, Mission : mission « urgences » inconnue',
    ],
    [
      'a binary indicator without maximum',
      'acces;mt;MT;;ald;ALD;binaire;;;;;;;;;',
      'ligne 2, Maximum : champ obligatoire absent',
    ],
  ])('refuses %s, naming the line and the column', (_, row, message) => {
    const error = errorOf(() => annexeFromCsv(`${header}\r\n${row}\r\n`))
    expect(error.code).toBe('csv_invalide')
    expect(error.message).toContain(message)
  })

  it('names the line of an id used twice', () => {
    const text = `${header}\r\nacces;mt;MT;;a;A;binaire;;;;;4000;;;;\r\nacces;mt;;;a;B;binaire;;;;;1000;;;;\r\n`
    expect(errorOf(() => annexeFromCsv(text)).message).toContain(
      'ligne 3, Indicateur : l’identifiant d’indicateur « a »'
    )
  })

  it('says so when the text was decoded in the wrong encoding, instead of misreading it', () => {
    expect(errorOf(() => annexeFromCsv(`${header}\r\nacc\ufffds;mt;MT`)).message).toContain(
      'encodage'
    )
  })

  it('keeps text that Excel would run as a formula as text, both ways', () => {
    const doc = clone(annexeTaille3) as unknown as Doc
    ind(doc, 0, 0, 0).libelle = '=HYPERLINK("x")'
    const annexe: Annexe = parseAnnexe(doc)
    const csv = annexeToCsv(annexe)
    expect(csv).toContain(`'=HYPERLINK(""x"")`)
    expect(annexeFromCsv(csv)).toEqual(annexe)
  })
})
