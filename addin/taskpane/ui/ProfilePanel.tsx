// The Profil tab: the contract as the treasurer knows it, with the size, the version in force and the envelopes updated live.

import {
  Badge,
  Body1,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { type ComponentType, useState } from 'react'
import {
  frenchDate,
  MISSION_CODES,
  MISSION_WORDS,
  type MissionCode,
  type RateTable,
  type Taille,
} from '../../../shared'
import {
  type DraftField,
  type MissionDraft,
  type ProfileDraft,
  type ProfileResult,
  withSignature,
} from '../profile/draft'
import { TABLE_ORIGIN_LABELS, type TableOrigin } from '../rates/rate-source'
import type { EnvelopesTableProps } from './EnvelopesTable'
import { usePanelStyles } from './panel-styles'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '9rem' },
  mission: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  missionFields: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    paddingLeft: tokens.spacingHorizontalXL,
  },
  rate: { width: '7rem' },
  fieldset: { border: 'none', margin: 0, padding: 0 },
  pending: { color: tokens.colorPaletteRedForeground1 },
})

const TAILLE_RANGES: Readonly<Record<Taille, string>> = {
  1: 'moins de 40 000 habitants',
  2: 'de 40 000 à 79 999 habitants',
  3: 'de 80 000 à 174 999 habitants',
  4: '175 000 habitants et plus',
}

/** The fields whose typing shows this field's error too: the rule that refuses it involves them. */
const RELATED: Partial<Record<DraftField, readonly DraftField[]>> = {
  fin: ['debut'],
  ...Object.fromEntries(MISSION_CODES.map((code) => [`debut.${code}`, ['signature']])),
}

interface Props {
  readonly draft: ProfileDraft
  readonly result: ProfileResult
  readonly origins: ReadonlyMap<string, TableOrigin>
  readonly onChange: (draft: ProfileDraft) => void
  /** After an action that needs the profile: every error shows. */
  readonly showAllErrors: boolean
  /**
   * The table of envelopes, shown once the size is known: it comes with the pane's later parts,
   * so that neither it nor Fluent's Table weighs on the first screen; null until they are there.
   */
  readonly EnvelopesTable: ComponentType<EnvelopesTableProps> | null
}

export function ProfilePanel({
  draft,
  result,
  origins,
  onChange,
  showAllErrors,
  EnvelopesTable,
}: Props) {
  const styles = { ...usePanelStyles(), ...useStyles() }
  // A field says what is wrong once the person has typed in it or left it (or asked for an
  // action): not before. A field whose rule depends on another (the end of the fiscal year on its
  // start, a mission's start on the signature) speaks as soon as either was typed.
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set())
  const mark = (field: DraftField) => setTouched((t) => (t.has(field) ? t : new Set([...t, field])))
  const touch = (field: DraftField) => () => mark(field)
  const error = (field: DraftField) =>
    showAllErrors || touched.has(field) || RELATED[field]?.some((f) => touched.has(f))
      ? result.errors[field]
      : undefined
  /** The props of a Field that may be in error: a red field and what is expected. */
  const validation = (field: DraftField) => {
    const message = error(field)
    return message === undefined
      ? {}
      : { validationState: 'error' as const, validationMessage: message }
  }
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    if (key !== 'phase' && key !== 'missions') mark(key as DraftField)
    onChange({ ...draft, [key]: value })
  }
  const setMission = (code: MissionCode, change: Partial<MissionDraft>) => {
    if (change.debut !== undefined) mark(`debut.${code}`)
    if (change.taux !== undefined) mark(`taux.${code}`)
    onChange({
      ...draft,
      missions: { ...draft.missions, [code]: { ...draft.missions[code], ...change } },
    })
  }
  const table = result.table

  return (
    <form
      className={styles.form}
      onSubmit={(e) => e.preventDefault()}
      aria-label="Profil de la CPTS"
    >
      <Field label="Nom de la CPTS" required {...validation('nom')}>
        <Input value={draft.nom} onBlur={touch('nom')} onChange={(_, d) => set('nom', d.value)} />
      </Field>
      <Field
        label="Population couverte"
        required
        validationMessage={error('population')}
        validationState={error('population') ? 'error' : result.taille ? 'success' : 'none'}
        hint={
          result.taille === null && error('population') === undefined
            ? 'Nombre d’habitants du territoire : il donne la taille.'
            : undefined
        }
      >
        <Input
          value={draft.population}
          inputMode="numeric"
          onBlur={touch('population')}
          onChange={(_, d) => set('population', d.value)}
        />
      </Field>
      {result.taille !== null && (
        <Body1 aria-live="polite">
          Taille <strong>{result.taille}</strong> ({TAILLE_RANGES[result.taille]})
        </Body1>
      )}
      <Field label="Signature du contrat" required {...validation('signature')}>
        <Input
          type="date"
          value={draft.signature}
          onBlur={touch('signature')}
          onChange={(_, d) => {
            mark('signature')
            onChange(withSignature(draft, d.value))
          }}
        />
      </Field>
      {table !== null && <VersionInForce table={table} origin={origins.get(table.id)} />}
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Début de l’exercice"
          required
          {...validation('debut')}
        >
          <Input
            type="date"
            value={draft.debut}
            onBlur={touch('debut')}
            onChange={(_, d) => set('debut', d.value)}
          />
        </Field>
        <Field className={styles.grow} label="Fin de l’exercice" required {...validation('fin')}>
          <Input
            type="date"
            value={draft.fin}
            onBlur={touch('fin')}
            onChange={(_, d) => set('fin', d.value)}
          />
        </Field>
      </div>

      <fieldset className={styles.fieldset}>
        <legend>
          <Subtitle2>Missions engagées</Subtitle2>
        </legend>
        {MISSION_CODES.map((code) => {
          const mission = table?.mission(code)
          if (mission === undefined) return null
          const m = draft.missions[code]
          return (
            <div key={code} className={styles.mission}>
              <Checkbox
                checked={m.engagee}
                onChange={(_, d) => setMission(code, { engagee: d.checked === true })}
                title={mission.label}
                label={
                  <>
                    {MISSION_WORDS[code].label}{' '}
                    <Badge
                      appearance="tint"
                      size="small"
                      color={mission.category === 'socle' ? 'brand' : 'informative'}
                    >
                      {mission.category === 'socle' ? 'socle' : 'optionnelle'}
                    </Badge>
                  </>
                }
              />
              {m.engagee && (
                <div className={styles.missionFields}>
                  <Field label="Démarrage" {...validation(`debut.${code}`)}>
                    <Input
                      type="date"
                      aria-label={`Démarrage — ${MISSION_WORDS[code].label}`}
                      value={m.debut}
                      onBlur={touch(`debut.${code}`)}
                      onChange={(_, d) => setMission(code, { debut: d.value })}
                    />
                  </Field>
                  <Field label="Taux d’atteinte attendu" {...validation(`taux.${code}`)}>
                    <Input
                      className={styles.rate}
                      aria-label={`Taux d’atteinte attendu — ${MISSION_WORDS[code].label}`}
                      value={m.taux}
                      inputMode="decimal"
                      contentAfter="%"
                      onBlur={touch(`taux.${code}`)}
                      onChange={(_, d) => setMission(code, { taux: d.value })}
                    />
                  </Field>
                  {code === 'crise' && (
                    <Field label="Phase du plan de crise">
                      <RadioGroup
                        value={draft.phase}
                        onChange={(_, d) =>
                          set('phase', d.value === 'mise_a_jour' ? 'mise_a_jour' : 'redaction')
                        }
                      >
                        <Radio value="redaction" label="1re rédaction du plan" />
                        <Radio value="mise_a_jour" label="Mise à jour du plan" />
                      </RadioGroup>
                    </Field>
                  )}
                </div>
              )}
            </div>
          )
        })}
      </fieldset>
      {result.envelopes !== null &&
        (EnvelopesTable === null ? (
          <Body1>Calcul des enveloppes…</Body1>
        ) : (
          <EnvelopesTable report={result.envelopes} />
        ))}
      {result.envelopesPending !== null && (
        <Body1 role="status" className={styles.pending}>
          {result.envelopesPending}
        </Body1>
      )}
    </form>
  )
}

function VersionInForce({ table, origin }: { table: RateTable; origin: TableOrigin | undefined }) {
  return (
    <div aria-live="polite">
      <Body1 block>
        Barème en vigueur à la signature : <strong>{table.id}</strong> — {table.title}
      </Body1>
      <Caption1 block>
        En vigueur depuis le {frenchDate(table.effectiveDate)} · Source : {table.source.document} —{' '}
        {table.source.article}
        {origin === undefined ? '' : ` · ${TABLE_ORIGIN_LABELS[origin]}`}
      </Caption1>
    </div>
  )
}
