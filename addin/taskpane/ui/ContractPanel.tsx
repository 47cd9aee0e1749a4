// The Contrat tab: the contract's payment schedule and the fiscal year's cut-off, and the buttons that write them to new sheets.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components'
import { useMemo, useState } from 'react'
import {
  type BudgetProfil,
  formatEuros,
  frenchDate,
  MISSION_WORDS,
  PAYMENT_KIND_LABELS,
} from '../../../shared'
import { type ContractChoices, type ContractView, contractView } from '../actions/contract-view'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  table: { tableLayout: 'auto' },
})

interface Props {
  readonly profil: BudgetProfil | null
  readonly choices: ContractChoices
  readonly onChoices: (choices: ContractChoices) => void
  readonly busy: boolean
  /** Write the schedule or the cut-off shown, as computed here (never computed twice). */
  readonly onWriteSchedule: (view: ContractView) => void
  readonly onWriteCutoff: (view: ContractView) => void
  /** Download the cut-off entries for the accounting software, in FEC layout or as a French CSV. */
  readonly onExportEntries?: (view: ContractView, format: 'fec' | 'csv', journal: string) => void
}

export function ContractPanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const { profil, choices } = props
  // The schedule and the cut-off, once per profile and choices: shown here, written as shown.
  const view = useMemo(() => contractView(profil, choices), [profil, choices])
  const [journal, setJournal] = useState('OD')

  if (view.kind === 'sans-profil') {
    return (
      <Body1>Complétez d’abord le profil (onglet Profil) : signature, population, missions.</Body1>
    )
  }
  if (view.kind === 'erreur') return <Body1 role="alert">{view.message}</Body1>
  const { schedule, cutoff } = view
  const year = cutoff.exercice.fin.slice(0, 4)
  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-contrat-choix">
        <Subtitle2 as="h2" id="aci-contrat-choix">
          Hypothèses de calcul
        </Subtitle2>
        <Field label="Prorata de la première avance du volet fixe">
          <RadioGroup
            value={choices.prorata}
            layout="horizontal"
            onChange={(_, d) =>
              props.onChoices({ ...choices, prorata: d.value === 'mois' ? 'mois' : 'jours' })
            }
          >
            <Radio value="jours" label="en jours (défaut)" />
            <Radio value="mois" label="en mois" />
          </RadioGroup>
        </Field>
        <Field label="Volet variable dans le cut-off">
          <RadioGroup
            value={choices.variable}
            onChange={(_, d) =>
              props.onChoices({
                ...choices,
                variable: d.value === 'periode' ? 'periode' : 'versement',
              })
            }
          >
            <Radio value="versement" label="produit une fois notifié et versé (défaut)" />
            <Radio value="periode" label="estimé sur sa période (produit à recevoir)" />
          </RadioGroup>
        </Field>
        <Accordion collapsible>
          <AccordionItem value="hypotheses">
            <AccordionHeader size="small">
              Hypothèses retenues ({schedule.hypotheses.length}), chacune avec sa source
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {schedule.hypotheses.map((h) => (
                  <li key={h.code}>
                    <Caption1>
                      {h.parDefaut ? '' : 'Choisi : '}
                      {h.texte}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </section>

      <section className={styles.section} aria-labelledby="aci-echeancier">
        <Subtitle2 as="h2" id="aci-echeancier">
          Échéancier ({schedule.paiements.length} versements, {formatEuros(schedule.totaux.total)})
        </Subtitle2>
        <Caption1>
          Du {frenchDate(schedule.signature)} au {frenchDate(schedule.fin)}.
        </Caption1>
        <Table size="extra-small" className={styles.table} aria-labelledby="aci-echeancier">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Versement</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>Montant</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {schedule.paiements.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{frenchDate(p.date)}</TableCell>
                <TableCell>
                  {PAYMENT_KIND_LABELS[p.nature]}
                  {p.mission === null ? '' : ` — ${MISSION_WORDS[p.mission].label}`}
                </TableCell>
                <TableCell className={styles.amount}>{formatEuros(p.montant)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className={styles.buttons}>
          <Button disabled={props.busy} onClick={() => props.onWriteSchedule(view)}>
            Écrire l’échéancier dans une nouvelle feuille
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="aci-cutoff">
        <Subtitle2 as="h2" id="aci-cutoff">
          Clôture de l’exercice {year}
        </Subtitle2>
        <Body1>
          Produits ACI de l’exercice : {formatEuros(cutoff.totaux.produits)} ; produits constatés
          d’avance (487) : {formatEuros(cutoff.totaux.pcaCloture)} ; produits à recevoir (4687) :{' '}
          {formatEuros(cutoff.totaux.parCloture)}.
        </Body1>
        <Table
          size="extra-small"
          className={styles.table}
          aria-label={`Écritures de clôture ${year}`}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Compte</TableHeaderCell>
              <TableHeaderCell>Libellé</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>Débit</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>Crédit</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cutoff.journal.map((j, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: journal lines have no identity but their place.
              <TableRow key={i}>
                <TableCell>{j.compte}</TableCell>
                <TableCell>{j.libelle}</TableCell>
                <TableCell className={styles.amount}>
                  {j.debit.isZero() ? '' : formatEuros(j.debit)}
                </TableCell>
                <TableCell className={styles.amount}>
                  {j.credit.isZero() ? '' : formatEuros(j.credit)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Caption1>
          Total : débit {formatEuros(cutoff.totaux.debit)}, crédit{' '}
          {formatEuros(cutoff.totaux.credit)}.
        </Caption1>
        <div className={styles.buttons}>
          <Button disabled={props.busy} onClick={() => props.onWriteCutoff(view)}>
            Écrire les écritures de clôture {year}
          </Button>
        </div>
        {props.onExportEntries !== undefined && (
          <>
            <Field
              label="Code journal des écritures exportées"
              hint="Pour les importer dans le logiciel comptable ; OD par défaut."
            >
              <Input value={journal} onChange={(_, d) => setJournal(d.value)} />
            </Field>
            <div className={styles.buttons}>
              <Button onClick={() => props.onExportEntries?.(view, 'fec', journal)}>
                Exporter les écritures (FEC)
              </Button>
              <Button onClick={() => props.onExportEntries?.(view, 'csv', journal)}>
                Exporter les écritures (CSV)
              </Button>
            </div>
          </>
        )}
      </section>
    </div>
  )
}
