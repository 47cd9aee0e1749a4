// The time entries from French Excel's CSV (Windows-1252 or UTF-8, `;`, decimal comma, dates dd/mm/yyyy), and the month's payments back as CSV.
import { describe, expect, it } from 'vitest'
import { calculerRegistre, paiementsDuMoisCsv, registreFromCsv, tempsToCsv } from '../../../shared'
import { errorOf } from '../../support/errors'

const TAUX = [
  { profession: 'infirmier', depuis: '2026-01-01', horaire: '60' },
  { profession: 'médecin généraliste', depuis: '2026-01-01', horaire: '90' },
]

/** Windows-1252 bytes of text made of Latin-1 letters, and ’ (0x92). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => (c === '’' ? 0x92 : c.charCodeAt(0)))
}

const FILE = [
  'Registre des temps ACI-CPTS',
  '',
  'Date;Personne;Profession;Membre à jour;Heures;Section;Activité;Nature;Versé le',
  '02/03/2026;Élise Leroy;infirmier;oui;1,5;Parcours pluriprofessionnels;Réunion d’équipe;Indemnité;',
  '09/03/2026;Dr Hervé;Médecin généraliste;;2;gouvernance;Conseil d’administration;indemnité pour perte de ressources;31/03/2026',
  '16/03/2026;ELISE LEROY;;;0,25;Prévention;;Rémunération;',
  '02/04/2026;Dr Hervé;;;3;accès aux soins;;RPMSP;',
].join('\r\n')

describe('registreFromCsv', () => {
  it('reads French Excel’s Windows-1252 file and says so', () => {
    const { registre, encodage } = registreFromCsv(cp1252(FILE), { taux: TAUX })
    expect(encodage).toBe('windows-1252')
    expect(registre.personnes.map((p) => [p.id, p.profession, p.membre])).toEqual([
      ['Élise Leroy', 'infirmier', true],
      ['Dr Hervé', 'Médecin généraliste', undefined],
    ])
    expect(
      registre.temps.map((t) => [
        t.date,
        t.personne.id,
        t.heures.toFixed(),
        t.section,
        t.nature,
        t.montant.toFixed(2),
        t.verse,
      ])
    ).toEqual([
      ['2026-03-02', 'Élise Leroy', '1.5', 'parcours', 'indemnite', '90.00', undefined],
      ['2026-03-09', 'Dr Hervé', '2', 'fonctionnement', 'indemnite', '180.00', '2026-03-31'],
      ['2026-03-16', 'Élise Leroy', '0.25', 'prevention', 'remuneration', '15.00', undefined],
      ['2026-04-02', 'Dr Hervé', '3', 'acces', 'remuneration', '270.00', undefined],
    ])
    expect(registre.temps[0]?.activite).toBe('Réunion d’équipe')
  })

  it('reads the same file in UTF-8 with BOM, and gives it back', () => {
    const utf8 = new TextEncoder().encode(`\ufeff${FILE}`)
    const { registre, encodage } = registreFromCsv(utf8, { taux: TAUX })
    expect(encodage).toBe('utf-8-bom')
    const again = registreFromCsv(tempsToCsv(registre), { taux: TAUX }).registre
    expect(
      again.temps.map((t) => [t.date, t.ecrit, t.heures.toFixed(), t.section, t.nature, t.verse])
    ).toEqual(
      registre.temps.map((t) => [t.date, t.ecrit, t.heures.toFixed(), t.section, t.nature, t.verse])
    )
  })

  it.each([
    [FILE.replace('1,5;Parcours', '1,5;Astreinte'), 'ligne 4, Section', /Astreinte/],
    [FILE.replace('0,25', '1,2,3'), 'ligne 6, Heures', /heures attendues/],
    [FILE.replace('02/04/2026', '31/04/2026'), 'ligne 7, Date', /ce jour n’existe pas/],
    [
      FILE.replace('16/03/2026;ELISE LEROY;;', '16/03/2026;ELISE LEROY;kiné;'),
      'ligne 6, Profession',
      /déjà la profession « infirmier » \(ligne 4\)/,
    ],
    [
      FILE.replace('Dr Hervé;Médecin généraliste', 'Dr Hervé;'),
      'ligne 5, Profession',
      /profession de « Dr Hervé »/,
    ],
    [FILE.replace(';Nature;', ';Genre;'), 'ligne 3, en-tête', /« Nature » absente/],
  ])('%#: names the line and the column (%s)', (text, argument, message) => {
    const error = errorOf(() => registreFromCsv(text, { taux: TAUX }))
    expect(error.code).toBe('csv_invalide')
    expect(error.argument).toBe(argument)
    expect(error.message).toMatch(message)
  })

  it('an entry without a rate on its day names its line', () => {
    const error = errorOf(() =>
      registreFromCsv(FILE, {
        taux: [{ profession: 'infirmier', depuis: '2026-03-10', horaire: '60' }, TAUX[1]],
      })
    )
    expect(error.argument).toBe('ligne 4, ligne')
    expect(error.message).toMatch(/aucun taux horaire en vigueur le 2026-03-02/)
  })
})

describe('paiementsDuMoisCsv', () => {
  it('lists the month’s amounts per person and nature, paid and to pay, against the PASS', () => {
    const calcul = calculerRegistre(registreFromCsv(FILE, { taux: TAUX }).registre)
    const csv = paiementsDuMoisCsv(calcul, '2026-03')
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.split('\r\n')).toEqual([
      '\ufeffPaiements du mois 03/2026 – Registre des temps ACI-CPTS;;;;;;;;;',
      ';;;;;;;;;',
      'Personne;Profession;Nature;Heures;Montant;Déjà versé;Reste à verser;Perçu en 2026;PASS 2026;Plafond',
      'Élise Leroy;infirmier;Indemnités pour perte de ressources;1,5;90,00;0,00;90,00;105,00;48060,00;sous le plafond',
      'Élise Leroy;infirmier;Rémunération de la participation aux missions;0,25;15,00;0,00;15,00;105,00;48060,00;sous le plafond',
      'Dr Hervé;Médecin généraliste;Indemnités pour perte de ressources;2;180,00;180,00;0,00;450,00;48060,00;sous le plafond',
      'Total;;;3,75;285,00;180,00;105,00;;;',
      '',
    ])
  })

  it('refuses a month that is not AAAA-MM', () => {
    const calcul = calculerRegistre(registreFromCsv(FILE, { taux: TAUX }).registre)
    expect(errorOf(() => paiementsDuMoisCsv(calcul, '2026-13')).argument).toBe('mois')
  })
})
