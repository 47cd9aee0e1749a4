// A budget with an account in every chapter, 74 from every funder, and lines split across sections: where each amount lands on the form.
import { describe, expect, it } from 'vitest'
import {
  type BudgetDocument,
  type CerfaTable,
  cerfaTable,
  FINANCEURS_74,
  parseBudget,
} from '../../../shared'

const PROFIL: BudgetDocument['profil'] = {
  nom: 'CPTS de l’Étang',
  taille: 2,
  signature: '2023-03-01',
  exercice: { debut: '2025-01-01', fin: '2025-12-31' },
  missions: [
    { mission: 'acces', debut: '2023-03-01' },
    { mission: 'parcours', debut: '2023-03-01' },
    { mission: 'prevention', debut: '2023-03-01' },
  ],
}

type Ligne = BudgetDocument['lignes'][number]
const ligne = (compte: string, montant: string, extra: Partial<Ligne> = {}): Ligne => ({
  compte,
  libelle: `Compte ${compte}`,
  montant,
  ...extra,
})

function amounts(table: CerfaTable): Record<string, string> {
  const out: Record<string, string> = {}
  for (const l of table.lignes) if (l.montant !== '0.00') out[l.code] = l.montant
  return out
}

describe('a budget with an account in every chapter', () => {
  const budget = parseBudget({
    profil: PROFIL,
    lignes: [
      ligne('6061', '100.01'),
      ligne('613', '200.02'),
      ligne('6226', '300.03'),
      ligne('631', '400.04'),
      ligne('6411', '500.05'),
      ligne('6571', '600.06'),
      ligne('661', '700.07'),
      ligne('671', '800.08'),
      ligne('6811', '900.09'),
      ligne('6894', '50.00'),
      ligne('695', '10.10'),
      ligne('706', '1000.00', { financeur: 'aci' }),
      ligne('708', '20.00'),
      ligne('730', '30.00'),
      ligne('741', '40.00', { financeur: 'etat' }),
      ligne('741', '41.00', { financeur: 'ars_fir' }),
      ligne('741', '42.00', { financeur: 'assurance_maladie' }),
      ligne('741', '43.00', { financeur: 'collectivite', libelle: 'Conseil régional' }),
      ligne('741', '44.00', { financeur: 'collectivite', libelle: 'Département du Gard' }),
      ligne('741', '45.00', { financeur: 'collectivite', libelle: 'Métropole de Lyon' }),
      ligne('741', '46.00', { financeur: 'collectivite', libelle: 'Mairie de Sète' }),
      ligne('741', '47.00', { financeur: 'collectivite', libelle: 'Subvention locale' }),
      ligne('741', '48.00', { financeur: 'autre', libelle: 'FSE+ inclusion' }),
      ligne('741', '49.00', { libelle: 'Emplois aidés (ASP)' }),
      ligne('741', '50.00', { financeur: 'association' }),
      ligne('741', '51.00', { financeur: 'entreprise' }),
      ligne('741', '52.00', { financeur: 'laboratoire_pharmaceutique' }),
      ligne('741', '53.00', { financeur: 'adherents' }),
      ligne('741', '54.00'),
      ligne('7408', '500.00', { financeur: 'aci' }),
      ligne('7561', '60.00'),
      ligne('761', '70.00'),
      ligne('771', '80.00'),
      ligne('781', '90.00'),
      ligne('7894', '95.00'),
      ligne('791', '99.00'),
      ligne('860', '1.00'),
      ligne('8611', '2.00'),
      ligne('862', '3.00'),
      ligne('864', '4.00'),
      ligne('870', '5.00'),
      ligne('871', '6.00'),
      ligne('875', '7.00'),
      ligne('879', '1.00'),
    ],
  })
  const table = cerfaTable(budget, '12156')

  it('puts each account in its chapter, and 74 by funder', () => {
    expect(amounts(table)).toEqual({
      '60': '100.01',
      '61': '200.02',
      '62': '300.03',
      '63': '400.04',
      '64': '500.05',
      '65': '600.06',
      '66': '700.07',
      '67': '800.08',
      '68': '950.09', // 6811 900,09 + 6894 50
      '69': '10.10',
      '70': '1520.00', // 706 1 000 + 708 20 + 7408 (ACI) 500
      '73': '30.00',
      // 40 + 41 + … + 54: 15 lines from 40 to 54
      '74': '705.00',
      '74.etat': '40.00',
      '74.autres_etablissements_publics': '41.00',
      '74.organismes_sociaux': '42.00',
      '74.region': '43.00',
      '74.departement': '44.00',
      '74.intercommunalite': '45.00',
      '74.commune': '46.00',
      '74.a_preciser': '101.00', // the unnamed local authority 47 + no funder 54
      '74.fonds_europeens': '48.00',
      '74.asp': '49.00',
      '74.aides_privees': '206.00', // 50 + 51 + 52 + 53
      '75': '60.00',
      '76': '70.00',
      '77': '80.00',
      '78': '185.00', // 781 90 + 7894 95
      '79': '99.00',
      '86': '10.00',
      '86.secours': '1.00',
      '86.mise_a_disposition': '5.00', // 8611 2 + 862 3
      '86.benevoles': '4.00',
      '87': '19.00',
      '87.dons': '5.00',
      '87.prestations': '6.00',
      '87.benevolat': '7.00',
      '87.autres': '1.00',
    })
    expect(table.totaux).toEqual({
      charges: '4560.55', // 100,01 + … + 900,09 (4 500,45) + 50 + 10,10
      produits: '2749.00', // 1 520 + 30 + 705 + 60 + 70 + 80 + 185 + 99
      ecart: '-1811.55',
      emplois: '10.00',
      contributions: '19.00',
    })
    expect(table.equilibre).toMatchObject({ excedent: null, insuffisance: '1811.55' })
    expect(table.avertissements.join('\n')).toMatch(
      /Contributions volontaires en nature déséquilibrées/
    )
  })

  it('states its funders’ mapping, and follows another one', () => {
    expect(table.financeurs).toEqual(FINANCEURS_74)
    const other = cerfaTable(budget, '12156', { financeurs: { collectivite: 'commune' } })
    expect(amounts(other)['74.commune']).toBe('225.00') // 43 + 44 + 45 + 46 + 47
    expect(() =>
      cerfaTable(budget, '12156', { financeurs: { etat: 'ministere' as 'etat' } })
    ).toThrow(/financeurs\.etat/)
  })
})

describe('a line split across sections', () => {
  const budget = parseBudget({
    profil: PROFIL,
    lignes: [
      ligne('6411', '100.00', {
        repartition: {
          mode: 'cles',
          parts: [
            { section: 'acces', pourcentage: '33.3333' },
            { section: 'parcours', pourcentage: '33.3333' },
            { section: 'prevention', pourcentage: '33.3334' },
          ],
        },
      }),
      ligne('6132', '1200.00', {
        repartition: {
          mode: 'montants',
          parts: [
            { section: 'fonctionnement', montant: '700.00' },
            { section: 'prevention', montant: '300.00' },
          ],
        },
      }),
      ligne('626', '500.00'),
      ligne('741', '400.00', {
        financeur: 'ars_fir',
        repartition: { mode: 'montants', parts: [{ section: 'hors_aci', montant: '400.00' }] },
      }),
    ],
  })

  it('gives the project only its share, to the cent', () => {
    // 100,00 by keys of 33,3333 %: 33,33 + 33,33 + 33,34, the last cent to the largest remainder.
    expect(amounts(cerfaTable(budget, '12156', { section: 'acces' }))).toEqual({ '64': '33.33' })
    expect(amounts(cerfaTable(budget, '12156', { section: 'prevention' }))).toEqual({
      '61': '300.00',
      '64': '33.34',
    })
    // 1 200 of rent of which 200 is split to no section: the association's table has it all.
    expect(amounts(cerfaTable(budget, '12156'))).toMatchObject({
      '61': '1200.00',
      '62': '500.00',
      '64': '100.00',
    })
    const horsAci = cerfaTable(budget, '12156', { section: 'hors_aci' })
    expect(amounts(horsAci)).toEqual({
      '74': '400.00',
      '74.autres_etablissements_publics': '400.00',
    })
  })

  it('says how many lines no project takes', () => {
    const table = cerfaTable(budget, '12156', { section: 'parcours' })
    expect(table.avertissements).toContain(
      '1 ligne sans répartition par section ne compte pour aucun projet : le tableau de la section Parcours pluriprofessionnels n’en prend rien.'
    )
  })
})
