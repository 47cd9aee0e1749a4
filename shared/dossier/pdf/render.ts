// dossierPdf: the dossier drawn for a reader at the ARS, the CPAM or the audit firm, section by section, in French.
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { findingCounts } from '../../format'
import { MISSION_WORDS } from '../../index'
import type { Dossier } from '../schema'
import { drawEnvelopeChart } from './chart'
import { COLORS, Layout } from './layout'
import { date, euros, percent, rate } from './text'

export interface PdfOptions {
  /** The document's title in its properties; default « Dossier de l’exercice 2025 – <CPTS> ». */
  readonly title?: string
}

const SEVERITY = { error: 'Erreur', warning: 'Avertissement', info: 'Information' } as const

const STATUT_INDICATEUR: Record<string, string> = {
  atteint: 'atteint',
  non_atteint: 'non atteint',
  sans_observation: 'sans observation',
  crise_non_reconnue: 'crise non reconnue',
  livrables_manquants: 'livrables manquants',
  hors_bareme: 'hors barème',
}

const ECRITURE: Record<string, string> = {
  extourne_pca: 'Extourne PCA',
  extourne_par: 'Extourne PAR',
  pca: 'PCA',
  par: 'PAR',
}

const VOLET: Record<string, string> = {
  fonctionnement: 'fonctionnement',
  fixe: 'volet fixe',
  variable: 'volet variable',
}

function exerciceLabel(d: Dossier): string {
  const a = d.cpts.exercice.debut.slice(0, 4)
  const b = d.cpts.exercice.fin.slice(0, 4)
  return a === b ? a : `${a}-${b}`
}

function identity(l: Layout, d: Dossier): void {
  const c = d.cpts
  l.heading('1. Identité et profil')
  l.pairs([
    ['CPTS', c.nom],
    [
      'Taille',
      `${c.taille}${c.population === null ? '' : ` (population de ${c.population.toLocaleString('fr-FR')} habitants)`}`,
    ],
    ['Signature du contrat ACI', date(c.signature)],
    ['Exercice', `du ${date(c.exercice.debut)} au ${date(c.exercice.fin)}`],
    [
      'Années de contrat couvertes',
      c.anneesContrat
        .map(
          (y) =>
            `année ${y.annee} (du ${date(y.debut)} au ${date(y.fin)}, taille ${y.taille}, barème ${y.version})`
        )
        .join(' ; ') || '—',
    ],
    [
      'Phase du plan de crise',
      c.phaseCrise === null ? '—' : c.phaseCrise === 'redaction' ? 'rédaction' : 'mise à jour',
    ],
  ])
  l.table(
    [
      { title: 'Mission', width: 0.46 },
      { title: 'Démarrage', width: 0.18 },
      { title: 'Taux attendu', width: 0.18, align: 'right' },
      { title: 'Engagée', width: 0.18 },
    ],
    c.missions.map((m) => [m.libelle, date(m.debut), rate(m.taux), m.engagee ? 'oui' : 'non'])
  )
}

function rules(l: Layout, d: Dossier): void {
  const r = d.regles
  l.heading('2. Règles utilisées')
  const baremes = [r.bareme, ...r.baremesContrat.filter((b) => b.id !== r.bareme.id)]
  for (const b of baremes) {
    l.pairs([
      ['Barème', `${b.id} : ${b.titre}`],
      ['Source juridique', `${b.source.document} ; ${b.source.article}`],
      ['Date d’effet', date(b.dateEffet)],
      ['SHA-256', b.sha256],
    ])
  }
  l.pairs([
    [
      'Plan comptable',
      `${r.planComptable.id} : ${r.planComptable.titre} (à compter du ${date(r.planComptable.dateEffet)})`,
    ],
    ['SHA-256', r.planComptable.sha256],
    [
      'PASS de l’année',
      r.pass.annees
        .map(
          (a) =>
            `${a.annee} : ${a.montant === null ? 'inconnu' : euros(a.montant)}${a.source === null ? '' : ` (${a.source})`}`
        )
        .join(' ; '),
    ],
    ['Source du plafond', r.pass.source.document],
    ['SHA-256 du PASS', r.pass.sha256],
    ['Dépenses à justifier (Sénat)', `${r.depensesSenat.id}, SHA-256 ${r.depensesSenat.sha256}`],
    ['SHA-256 du budget lu', d.empreintes.budget],
  ])
  l.subheading('Hypothèses de l’échéancier, de la clôture et du dossier')
  l.table(
    [
      { title: 'Hypothèse', width: 0.2 },
      { title: 'Valeur', width: 0.17 },
      { title: 'Texte', width: 0.63 },
    ],
    r.hypotheses.map((h) => [
      h.code,
      `${h.valeur}${h.parDefaut ? ' (défaut)' : ' (choisi)'}`,
      h.texte,
    ])
  )
}

function envelopes(l: Layout, d: Dossier): void {
  l.heading('3. Enveloppes et produits de l’exercice')
  for (const y of d.enveloppes.anneesContrat) {
    l.subheading(
      `Année de contrat ${y.annee}, du ${date(y.debut)} au ${date(y.fin)} (barème ${y.version})`
    )
    const rows = y.sections.map((s) => [
      s.libelle,
      euros(s.fixe),
      euros(s.variable),
      euros(s.enveloppe),
      euros(s.produitExercice),
    ])
    rows.push(['Total', '', '', euros(y.enveloppe), euros(y.produitExercice)])
    l.table(
      [
        { title: 'Section', width: 0.32 },
        { title: 'Fixe', width: 0.17, align: 'right' },
        { title: 'Variable', width: 0.17, align: 'right' },
        { title: 'Enveloppe', width: 0.17, align: 'right' },
        { title: 'Produit de l’exercice', width: 0.17, align: 'right' },
      ],
      rows,
      { emphasis: new Set([rows.length - 1]) }
    )
  }
  l.paragraph(`Produits ACI de l’exercice (706) : ${euros(d.enveloppes.produitsAciExercice)}.`, {
    bold: true,
  })
}

function budget(l: Layout, d: Dossier): void {
  const b = d.budget
  const actuals = b.realise.source !== 'aucun'
  l.heading('4. Budget et réalisé par section')
  const rows = b.sections.map((s) => [
    s.libelle,
    euros(s.enveloppe),
    euros(s.charges),
    s.statutLibelle,
    ...(actuals
      ? [
          euros(s.realise?.charges ?? null),
          percent(s.realise?.execution ?? null),
          percent(s.realise?.consommation ?? null),
        ]
      : []),
  ])
  const t = b.totaux
  rows.push([
    'Total des sections ACI',
    euros(t.enveloppe),
    euros(t.chargesSectionsAci),
    '',
    ...(actuals
      ? [
          euros(t.realise?.chargesSectionsAci ?? null),
          percent(t.realise?.execution ?? null),
          percent(t.realise?.consommation ?? null),
        ]
      : []),
  ])
  l.table(
    actuals
      ? [
          { title: 'Section', width: 0.19 },
          { title: 'Enveloppe', width: 0.12, align: 'right' },
          { title: 'Prévu', width: 0.12, align: 'right' },
          { title: 'Statut', width: 0.19 },
          { title: 'Réalisé', width: 0.12, align: 'right' },
          { title: 'Exécution', width: 0.11, align: 'right' },
          { title: 'Consommation', width: 0.15, align: 'right' },
        ]
      : [
          { title: 'Section', width: 0.28 },
          { title: 'Enveloppe', width: 0.18, align: 'right' },
          { title: 'Charges prévues', width: 0.18, align: 'right' },
          { title: 'Statut', width: 0.36 },
        ],
    rows,
    { emphasis: new Set([rows.length - 1]) }
  )
  l.pairs([
    [
      'Charges',
      `${euros(t.charges)}${t.realise === null ? '' : ` prévues, ${euros(t.realise.charges)} réalisées`}`,
    ],
    [
      'Produits',
      `${euros(t.produits)}${t.realise === null ? '' : ` prévus, ${euros(t.realise.produits)} réalisés`}`,
    ],
    [
      'Résultat',
      `${euros(t.resultat)}${t.realise === null ? '' : ` prévu, ${euros(t.realise.resultat)} réalisé`}`,
    ],
    ['Produits ACI au budget', euros(t.produitsAci)],
    ['Charges hors ACI', euros(t.chargesHorsAci)],
    ['Charges non réparties', euros(t.nonReparti)],
    [
      'Contributions en nature',
      `emplois ${euros(t.emploisNature)}, ressources ${euros(t.contributionsNature)}`,
    ],
    [
      'Origine du réalisé',
      b.realise.source === 'aucun'
        ? 'aucun réalisé'
        : b.realise.source === 'fec'
          ? `le FEC, affecté par les règles${b.realise.nonAffecte === null ? '' : ` ; non affecté : ${euros(b.realise.nonAffecte.charges)} de charges, ${euros(b.realise.nonAffecte.produits)} de produits`}`
          : 'les montants réalisés du budget',
    ],
  ])
  for (const remarque of b.realise.remarques) l.paragraph(remarque, { color: COLORS.muted })
  l.subheading('Enveloppe, charges prévues et réalisées par section')
  drawEnvelopeChart(l, b)
}

function indicators(l: Layout, d: Dossier): void {
  const i = d.indicateurs
  if (i === null) return
  l.heading('5. Indicateurs et volet variable réclamé')
  l.paragraph(
    `Année de contrat ${i.annee ?? '—'}, barème ${i.version}, taille ${i.taille}, crise sanitaire grave ${i.crise ? 'reconnue' : 'non reconnue'}. Volet variable réclamé : ${euros(i.montantReclame)} sur ${euros(i.enveloppeVariable)}.`,
    { bold: true }
  )
  for (const m of i.missions) {
    l.subheading(
      `${m.libelle} : ${euros(m.montantReclame)} sur ${euros(m.enveloppeVariable)} (taux ${rate(m.taux)})`
    )
    l.table(
      [
        { title: 'Indicateur', width: 0.4 },
        { title: 'Observé', width: 0.12, align: 'right' },
        { title: 'Palier', width: 0.08, align: 'right' },
        { title: 'Statut', width: 0.16 },
        { title: 'Montant', width: 0.12, align: 'right' },
        { title: 'Maximum', width: 0.12, align: 'right' },
      ],
      m.indicateurs.map((x) => [
        `${x.id} : ${x.libelle}`,
        x.observation === null
          ? '—'
          : typeof x.observation === 'boolean'
            ? x.observation
              ? 'fait'
              : 'non fait'
            : x.observation.replace('.', ','),
        x.palier === null ? '—' : String(x.palier),
        STATUT_INDICATEUR[x.statut] ?? x.statut,
        euros(x.montant),
        euros(x.max),
      ])
    )
    if (m.livrables.length > 0) {
      l.table(
        [
          { title: 'Action', width: 0.2 },
          { title: 'Livrable (pièce justificative)', width: 0.62 },
          { title: 'Fourni', width: 0.18 },
        ],
        m.livrables.map((x) => [x.action, x.libelle, x.fourni ? 'oui' : 'non'])
      )
    }
  }
}

function schedule(l: Layout, d: Dossier, n: number): void {
  const e = d.echeancier
  l.heading(`${n}. Échéancier des versements du contrat`)
  l.paragraph(
    `Contrat signé le ${date(e.signature)}, jusqu’au ${date(e.fin)} : ${euros(e.total)} sur cinq ans.`
  )
  l.table(
    [
      { title: 'Date', width: 0.11 },
      { title: 'Année', width: 0.07, align: 'right' },
      { title: 'Versement', width: 0.27 },
      { title: 'Mission', width: 0.2 },
      { title: 'Période', width: 0.21 },
      { title: 'Montant', width: 0.14, align: 'right' },
    ],
    e.paiements.map((p) => [
      date(p.date),
      String(p.annee),
      p.libelle,
      p.mission === null ? '—' : MISSION_WORDS[p.mission].label,
      `${date(p.du)} – ${date(p.au)}`,
      euros(p.montant),
    ])
  )
}

function cutoff(l: Layout, d: Dossier, n: number): void {
  const c = d.cloture
  l.heading(`${n}. Clôture de l’exercice et écritures`)
  const rows = c.lignes.map((x) => [
    `${x.droit} (${VOLET[x.volet] ?? x.volet})`,
    x.compte,
    euros(x.encaisse),
    euros(x.produit),
    euros(x.pcaCloture),
    euros(x.parCloture),
  ])
  rows.push([
    'Total',
    '',
    euros(c.totaux.encaissements),
    euros(c.totaux.produits),
    euros(c.totaux.pcaCloture),
    euros(c.totaux.parCloture),
  ])
  l.table(
    [
      { title: 'Droit', width: 0.3 },
      { title: 'Compte', width: 0.1 },
      { title: 'Encaissé', width: 0.15, align: 'right' },
      { title: 'Produit', width: 0.15, align: 'right' },
      { title: 'PCA (487)', width: 0.15, align: 'right' },
      { title: 'PAR (4687)', width: 0.15, align: 'right' },
    ],
    rows,
    { emphasis: new Set([rows.length - 1]) }
  )
  l.subheading('Journal proposé')
  const journal = c.journal.map((j) => [
    date(j.date),
    ECRITURE[j.ecriture] ?? j.ecriture,
    j.compte,
    j.libelle,
    euros(j.debit),
    euros(j.credit),
  ])
  journal.push(['Total', '', '', '', euros(c.totaux.debit), euros(c.totaux.credit)])
  l.table(
    [
      { title: 'Date', width: 0.11 },
      { title: 'Écriture', width: 0.13 },
      { title: 'Compte', width: 0.09 },
      { title: 'Libellé', width: 0.39 },
      { title: 'Débit', width: 0.14, align: 'right' },
      { title: 'Crédit', width: 0.14, align: 'right' },
    ],
    journal,
    { emphasis: new Set([journal.length - 1]) }
  )
}

function findings(l: Layout, d: Dossier, n: number): void {
  const c = d.constats
  l.heading(`${n}. Constats`)
  l.paragraph(`${findingCounts(c.nombre)}.`, { bold: true })
  l.table(
    [
      { title: 'Gravité', width: 0.12 },
      { title: 'Code', width: 0.21 },
      { title: 'Constat', width: 0.41 },
      { title: 'Source', width: 0.26 },
    ],
    c.liste.map((f) => [
      SEVERITY[f.severite],
      `${f.code}${f.origine === 'annexe' ? ' (annexe)' : ''}`,
      f.message,
      f.source,
    ])
  )
}

function fundings(l: Layout, d: Dossier, n: number): void {
  const f = d.financements
  l.heading(`${n}. Financements autres que l’ACI`)
  const withActuals = f.financeurs.some((x) => x.realise !== null)
  const rows = f.financeurs.flatMap((x) =>
    x.lignes.map((line) => [
      `${x.libelle}${x.aRisque ? ' (À RISQUE)' : ''}`,
      `${line.compte} ${line.libelle}`,
      euros(line.prevu),
      ...(withActuals ? [euros(line.realise)] : []),
    ])
  )
  rows.push(['Total hors ACI', '', euros(f.totalHorsAci), ...(withActuals ? [''] : [])])
  rows.push([
    'dont entreprises et laboratoires',
    '',
    euros(f.totalARisque),
    ...(withActuals ? [''] : []),
  ])
  l.table(
    withActuals
      ? [
          { title: 'Financeur', width: 0.3 },
          { title: 'Ligne', width: 0.4 },
          { title: 'Prévu', width: 0.15, align: 'right' },
          { title: 'Réalisé', width: 0.15, align: 'right' },
        ]
      : [
          { title: 'Financeur', width: 0.32 },
          { title: 'Ligne', width: 0.48 },
          { title: 'Prévu', width: 0.2, align: 'right' },
        ],
    rows,
    { emphasis: new Set([rows.length - 2, rows.length - 1]) }
  )
  l.paragraph(
    'Les financements par des entreprises et des laboratoires pharmaceutiques sont signalés : le Sénat y voit des « risques spécifiques » et demande un contrôle systématique des sources de financement (proposition n° 11).',
    { color: COLORS.muted }
  )
}

function signature(l: Layout, d: Dossier, n: number): void {
  l.heading(`${n}. Signature`, 170)
  l.paragraph(
    `Je certifie l’exactitude des informations de ce dossier, établi le ${date(d.produitLe)} avec ${d.produit.nom} ${d.produit.version}.`
  )
  const top = l.reserve(110)
  const width = 235
  const boxes = [
    { x: l.left, title: 'Le trésorier ou la trésorière', name: d.signature.tresorier ?? 'Nom :' },
    {
      x: l.left + width + 29,
      title: 'Commissaire aux comptes',
      name: `Référence : ${d.signature.referenceCommissaireAuxComptes ?? ''}`,
    },
  ]
  for (const b of boxes) {
    l.current.drawRectangle({
      x: b.x,
      y: top - 105,
      width,
      height: 100,
      borderColor: COLORS.rule,
      borderWidth: 0.8,
    })
    l.text(b.title, b.x + 6, top - 18, { bold: true })
    l.text(b.name, b.x + 6, top - 34)
    l.text('Fait à :                         le :', b.x + 6, top - 52)
    l.text('Signature :', b.x + 6, top - 70)
  }
  if (d.pseudonymisation !== null) l.paragraph(d.pseudonymisation.texte, { color: COLORS.muted })
  for (const r of d.remarques) l.paragraph(r, { color: COLORS.muted })
}

/**
 * The dossier as a PDF: A4, French, pages numbered « page 2 / 7 », tables that break between rows
 * with their header repeated, amounts as « 12 500,00 € ». Standard Helvetica (nothing embedded, so
 * it runs the same in the browser and in workerd); the document's dates are the production date,
 * so the same dossier gives the same bytes.
 */
export async function dossierPdf(dossier: Dossier, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const produced = new Date(`${dossier.produitLe}T00:00:00Z`)
  const title =
    options.title ?? `Dossier de l’exercice ${exerciceLabel(dossier)} – ${dossier.cpts.nom}`
  doc.setTitle(title)
  doc.setAuthor(dossier.cpts.nom)
  doc.setSubject('Dossier annuel pour l’ARS, la CPAM et le commissaire aux comptes (ACI-CPTS)')
  doc.setCreator(`${dossier.produit.nom} ${dossier.produit.version}`)
  doc.setProducer('pdf-lib 1.17.1')
  doc.setLanguage('fr-FR')
  doc.setCreationDate(produced)
  doc.setModificationDate(produced)
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  const l = new Layout(doc, fonts)
  l.title(`Dossier de l’exercice ${exerciceLabel(dossier)}`)
  l.paragraph(dossier.cpts.nom, { size: 14, bold: true })
  l.paragraph(
    `Pour l’ARS, la CPAM et le commissaire aux comptes. Établi le ${date(dossier.produitLe)} par ${dossier.produit.nom} ${dossier.produit.version} ; schéma du dossier ${dossier.schemaVersion}.`,
    { color: COLORS.muted }
  )
  identity(l, dossier)
  rules(l, dossier)
  envelopes(l, dossier)
  budget(l, dossier)
  indicators(l, dossier)
  let n = dossier.indicateurs === null ? 5 : 6
  schedule(l, dossier, n++)
  cutoff(l, dossier, n++)
  findings(l, dossier, n++)
  fundings(l, dossier, n++)
  signature(l, dossier, n++)
  l.footers(`${dossier.cpts.nom} – dossier de l’exercice ${exerciceLabel(dossier)}`)
  return doc.save()
}
