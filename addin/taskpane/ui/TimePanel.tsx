// The Temps tab: the time and indemnities sheet written or imported from CSV, read back into amounts per person against the PASS and per section, the month's payments exported, the budget lines put in a new budget sheet.
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components'
import { type Dispatch, type SetStateAction, useEffect, useId, useRef } from 'react'
import type { ActionServices, BudgetList, TimeReading, TimeRef } from '../actions'
import type { ProfileResult } from '../profile/draft'
import { download } from './download'
import { FilePicker } from './FilePicker'
import type { RunAction } from './IndicatorsPanel'
import { usePanelStyles } from './panel-styles'

export interface TimeTabState {
  readonly sheets: readonly TimeRef[]
  readonly selected: string | null
  readonly reading: TimeReading | null
  /** AAAA-MM of the payments to export. */
  readonly mois: string | null
}

const EMPTY: TimeTabState = { sheets: [], selected: null, reading: null, mois: null }

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]
/** 2026-11 → « novembre 2026 ». */
const monthLabel = (mois: string) => `${MONTHS[Number(mois.slice(5, 7)) - 1]} ${mois.slice(0, 4)}`

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  over: { color: tokens.colorPaletteRedForeground1 },
  near: { color: tokens.colorPaletteDarkOrangeForeground1 },
})

interface Props {
  readonly state: TimeTabState | null
  readonly onState: Dispatch<SetStateAction<TimeTabState | null>>
  readonly run: RunAction
  readonly services: ActionServices
  readonly busy: boolean
  readonly profile: ProfileResult
  /** The budget sheets changed (a new one written from the entries). */
  readonly onBudgets: (list: BudgetList) => void
}

export function TimePanel(props: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  const state = props.state ?? EMPTY
  const { run, onState, profile, services } = props
  const importHint = useId()
  const update = (change: Partial<TimeTabState>) => onState((s) => ({ ...(s ?? EMPTY), ...change }))
  const year = profile.profil?.exercice.debut.slice(0, 4) ?? null
  const profil = profile.profil

  const listed = useRef(props.state !== null)
  useEffect(() => {
    if (listed.current) return
    listed.current = true
    void run(
      'Lecture du classeur',
      (a) => a.timeList(services),
      (list) => update({ sheets: list.sheets, selected: list.selected })
    )
  })

  const reading = state.reading
  const flagged = reading?.plafonds.filter((p) => p.statut !== 'sous-plafond') ?? []
  // The overruns and alerts are said above, person by person.
  const findings =
    reading?.constats.filter((c) => c.code !== 'PASS-DEPASSE' && c.code !== 'PASS-ALERTE') ?? []

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="aci-temps">
        <Subtitle2 as="h2" id="aci-temps">
          Feuille des temps
        </Subtitle2>
        <Body1>
          Une nouvelle feuille « Temps et indemnités {year ?? 'année'} » : les taux horaires votés,
          les temps à saisir avec leurs listes, les totaux par personne face au PASS et la
          répartition par section.
        </Body1>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={profil === null || props.busy}
            onClick={() =>
              run(
                'Feuille des temps',
                (a) => a.writeTimeSheet(services, { profil }),
                (list) => update({ sheets: list.sheets, selected: list.selected, reading: null })
              )
            }
          >
            Écrire la feuille Temps et indemnités {year ?? ''}
          </Button>
        </div>
        {profil === null && <Caption1>Complétez d’abord le profil (onglet Profil).</Caption1>}
      </section>

      <section className={styles.section} aria-labelledby="aci-temps-feuille">
        <Subtitle2 as="h2" id="aci-temps-feuille">
          Relire, importer
        </Subtitle2>
        <Field
          label="Feuille des temps"
          hint={
            state.sheets.length === 0
              ? 'Aucune feuille des temps dans ce classeur : écrivez-en une.'
              : undefined
          }
        >
          <Select
            value={state.selected ?? ''}
            disabled={state.sheets.length === 0}
            onChange={(_, d) => update({ selected: d.value, reading: null })}
          >
            {state.sheets.map((s) => (
              <option key={s.key} value={s.key}>
                {s.sheet}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={state.selected === null || props.busy}
            onClick={() =>
              run(
                'Relecture des temps',
                (a) => a.readTimeSheet(services, { key: state.selected, profil }),
                (r) => update({ reading: r, mois: r.mois.at(-1) ?? null })
              )
            }
          >
            Relire la feuille
          </Button>
        </div>
        <Body1 id={importHint}>
          Un CSV des temps (Date ; Personne ; Profession ; Membre à jour ; Heures ; Section ;
          Activité ; Nature ; Versé le), UTF-8 ou Windows-1252, devient une nouvelle feuille, aux
          taux horaires de la feuille choisie.
        </Body1>
        <FilePicker
          label="Fichier CSV des temps à importer"
          accept=".csv,text/csv"
          describedBy={importHint}
          disabled={state.selected === null || profil === null || props.busy}
          onFile={(file) =>
            run(
              'Import des temps',
              async (a) =>
                a.importTime(services, {
                  file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
                  key: state.selected,
                  profil,
                }),
              (list) => update({ sheets: list.sheets, selected: list.selected, reading: null })
            )
          }
        >
          Importer un CSV des temps…
        </FilePicker>
      </section>

      {reading !== null && (
        <>
          <HoursTable
            id="aci-temps-personnes"
            title={`Par personne (${reading.total})`}
            header="Personne"
            rows={reading.personnes.map((p) => ({
              name: p.personne,
              heures: p.heures,
              montant: p.montant,
            }))}
          />

          <section className={styles.section} aria-labelledby="aci-temps-pass">
            <Subtitle2 as="h2" id="aci-temps-pass">
              Plafond (PASS)
            </Subtitle2>
            {flagged.length === 0 ? (
              <Body1>Chacun reste sous le seuil d’alerte du PASS de chaque année civile.</Body1>
            ) : (
              <ul className={styles.list}>
                {flagged.map((p) => (
                  <li key={`${p.personne}-${p.annee}`}>
                    <Body1 className={p.statut === 'depasse' ? styles.over : styles.near}>
                      {p.personne}, {p.annee} : {p.total}
                      {p.plafond === null ? '' : ` pour un PASS de ${p.plafond}`}
                      {p.statut === 'depasse'
                        ? ` ; dépassé de ${p.depassement ?? ''} le ${p.franchissement ?? ''}`
                        : p.statut === 'alerte'
                          ? ` ; reste ${p.reste ?? ''} (seuil d’alerte franchi)`
                          : p.statut === 'pass-inconnu'
                            ? ' ; PASS de l’année inconnu'
                            : ''}
                    </Body1>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <HoursTable
            id="aci-temps-sections"
            title="Par section"
            header="Section"
            rows={reading.sections.map((x) => ({
              name: x.section,
              heures: x.heures,
              montant: x.montant,
            }))}
          />

          {findings.length > 0 && (
            <section className={styles.section} aria-labelledby="aci-temps-constats">
              <Subtitle2 as="h2" id="aci-temps-constats">
                Constats ({findings.length})
              </Subtitle2>
              <ul className={styles.list}>
                {findings.map((c) => (
                  <li key={`${c.code}-${c.message}`}>
                    <Caption1>
                      {c.code} : {c.message}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className={styles.section} aria-labelledby="aci-temps-suite">
            <Subtitle2 as="h2" id="aci-temps-suite">
              Paiements et budget
            </Subtitle2>
            <Field label="Mois des paiements">
              <Select
                value={state.mois ?? ''}
                disabled={reading.mois.length === 0}
                onChange={(_, d) => update({ mois: d.value })}
              >
                {reading.mois.map((m) => (
                  <option key={m} value={m}>
                    {monthLabel(m)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.buttons}>
              <Button
                disabled={state.mois === null || props.busy}
                onClick={() =>
                  run(
                    'Export des paiements',
                    (a) =>
                      a.exportPayments(services, {
                        key: state.selected,
                        profil,
                        mois: state.mois ?? '',
                      }),
                    (outcome) => download(outcome.file)
                  )
                }
              >
                Exporter les paiements du mois (CSV)
              </Button>
              <Button
                disabled={profil === null || props.busy}
                onClick={() =>
                  run(
                    'Lignes de budget',
                    (a) =>
                      a.budgetFromTime(services, {
                        key: state.selected,
                        profil,
                        table: profile.table,
                      }),
                    (outcome) => props.onBudgets(outcome)
                  )
                }
              >
                Ajouter au budget (nouvelle feuille)
              </Button>
            </div>
            <Caption1>
              Une ligne par personne et par nature, répartie par section, dans une nouvelle feuille
              de budget : vos feuilles existantes ne sont pas modifiées.
            </Caption1>
          </section>
        </>
      )}
    </div>
  )
}

/** Hours and amounts per person or per section, as read back from the sheet. */
function HoursTable(props: {
  id: string
  title: string
  header: string
  rows: readonly { name: string; heures: string; montant: string }[]
}) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <Subtitle2 as="h2" id={props.id}>
        {props.title}
      </Subtitle2>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-labelledby={props.id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{props.header}</TableHeaderCell>
              <TableHeaderCell className={`${styles.cell} ${styles.amountHeader}`}>
                Heures
              </TableHeaderCell>
              <TableHeaderCell className={`${styles.cell} ${styles.amountHeader}`}>
                Montant
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.rows.map((row) => (
              <TableRow key={row.name}>
                <TableCell className={styles.cell}>{row.name}</TableCell>
                <TableCell className={`${styles.cell} ${styles.amount}`}>{row.heures}</TableCell>
                <TableCell className={`${styles.cell} ${styles.amount}`}>{row.montant}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  )
}
