// The Profil tab: the contract as the treasurer knows it, with the size, the version in force and the envelopes updated live.

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
import { Badge, Checkbox, RadioField, TextField } from './fields'
import './profile-panel.css'

const PHASES = [
  { value: 'redaction', label: '1re rédaction du plan' },
  { value: 'mise_a_jour', label: 'Mise à jour du plan' },
] as const

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
      className="aci-profile"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Profil de la CPTS"
    >
      <TextField
        label="Nom de la CPTS"
        required
        error={error('nom')}
        value={draft.nom}
        onBlur={touch('nom')}
        onChange={(value) => set('nom', value)}
      />
      <TextField
        label="Population couverte"
        required
        error={error('population')}
        hint={
          result.taille === null && error('population') === undefined
            ? 'Nombre d’habitants du territoire : il donne la taille.'
            : undefined
        }
        value={draft.population}
        inputMode="numeric"
        onBlur={touch('population')}
        onChange={(value) => set('population', value)}
      />
      {result.taille !== null && (
        <span className="aci-text" aria-live="polite">
          Taille <strong>{result.taille}</strong> ({TAILLE_RANGES[result.taille]})
        </span>
      )}
      <TextField
        label="Signature du contrat"
        required
        error={error('signature')}
        type="date"
        value={draft.signature}
        onBlur={touch('signature')}
        onChange={(value) => {
          mark('signature')
          onChange(withSignature(draft, value))
        }}
      />
      {table !== null && <VersionInForce table={table} origin={origins.get(table.id)} />}
      <div className="aci-profile-row">
        <TextField
          className="aci-profile-grow"
          label="Début de l’exercice"
          required
          error={error('debut')}
          type="date"
          value={draft.debut}
          onBlur={touch('debut')}
          onChange={(value) => set('debut', value)}
        />
        <TextField
          className="aci-profile-grow"
          label="Fin de l’exercice"
          required
          error={error('fin')}
          type="date"
          value={draft.fin}
          onBlur={touch('fin')}
          onChange={(value) => set('fin', value)}
        />
      </div>

      <fieldset className="aci-profile-missions">
        <legend>
          <span className="aci-text aci-subtitle2">Missions engagées</span>
        </legend>
        {MISSION_CODES.map((code) => {
          const mission = table?.mission(code)
          if (mission === undefined) return null
          const m = draft.missions[code]
          return (
            <div key={code} className="aci-profile-mission">
              <Checkbox
                checked={m.engagee}
                onChange={(checked) => setMission(code, { engagee: checked })}
                title={mission.label}
                label={
                  <>
                    {MISSION_WORDS[code].label}{' '}
                    <Badge color={mission.category === 'socle' ? 'brand' : 'informative'}>
                      {mission.category === 'socle' ? 'socle' : 'optionnelle'}
                    </Badge>
                  </>
                }
              />
              {m.engagee && (
                <div className="aci-profile-mission-fields">
                  <TextField
                    label="Démarrage"
                    error={error(`debut.${code}`)}
                    type="date"
                    ariaLabel={`Démarrage — ${MISSION_WORDS[code].label}`}
                    value={m.debut}
                    onBlur={touch(`debut.${code}`)}
                    onChange={(value) => setMission(code, { debut: value })}
                  />
                  <TextField
                    label="Taux d’atteinte attendu"
                    error={error(`taux.${code}`)}
                    inputClassName="aci-profile-rate"
                    ariaLabel={`Taux d’atteinte attendu — ${MISSION_WORDS[code].label}`}
                    value={m.taux}
                    inputMode="decimal"
                    contentAfter="%"
                    onBlur={touch(`taux.${code}`)}
                    onChange={(value) => setMission(code, { taux: value })}
                  />
                  {code === 'crise' && (
                    <RadioField
                      label="Phase du plan de crise"
                      value={draft.phase}
                      options={PHASES}
                      onChange={(phase) => set('phase', phase)}
                    />
                  )}
                </div>
              )}
            </div>
          )
        })}
      </fieldset>
      {result.envelopes !== null &&
        (EnvelopesTable === null ? (
          <span className="aci-text">Calcul des enveloppes…</span>
        ) : (
          <EnvelopesTable report={result.envelopes} />
        ))}
      {result.envelopesPending !== null && (
        <span role="status" className="aci-text aci-profile-pending">
          {result.envelopesPending}
        </span>
      )}
    </form>
  )
}

function VersionInForce({ table, origin }: { table: RateTable; origin: TableOrigin | undefined }) {
  return (
    <div aria-live="polite">
      <span className="aci-text aci-block">
        Barème en vigueur à la signature : <strong>{table.id}</strong> — {table.title}
      </span>
      <span className="aci-text aci-block aci-caption1">
        En vigueur depuis le {frenchDate(table.effectiveDate)} · Source : {table.source.document} —{' '}
        {table.source.article}
        {origin === undefined ? '' : ` · ${TABLE_ORIGIN_LABELS[origin]}`}
      </span>
    </div>
  )
}
