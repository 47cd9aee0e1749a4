// The Barèmes tab: the versions the pane uses, where each came from, its fingerprint, and the service's state.
import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { frenchDate, todayInFrance, versionSummary } from '../../../shared'
import { type RateSourceState, TABLE_ORIGIN_LABELS } from '../rates/rate-source'

import { useListStyles } from './list-styles'

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hash: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
})

export function RatesPanel({
  state,
  busy,
  onRefresh,
}: {
  state: RateSourceState | null
  busy: boolean
  onRefresh: () => void
}) {
  const styles = { ...useStyles(), ...useListStyles() }
  if (state === null) return <Body1>Chargement des barèmes…</Body1>
  let current: string | undefined
  try {
    current = state.catalog.inForceOn(todayInFrance()).id
  } catch {
    current = undefined
  }
  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2">Barèmes utilisés</Subtitle2>
      <MessageBar intent={state.serviceReachable ? 'success' : 'warning'}>
        <MessageBarBody>
          {state.serviceReachable
            ? 'Service des barèmes joignable : les versions publiées sont à jour.'
            : 'Service des barèmes injoignable : barèmes intégrés et déjà téléchargés.'}
        </MessageBarBody>
      </MessageBar>
      {state.notes.map((note) => (
        <Caption1 key={note} block>
          {note}
        </Caption1>
      ))}
      <ul className={styles.list}>
        {state.catalog.tables.map((table) => {
          const version = versionSummary(table)
          const origin = state.origins.get(table.id)
          return (
            <li key={version.id} className={styles.item}>
              <div className={styles.heading}>
                <Body1Strong>{version.id}</Body1Strong>
                {current === version.id && (
                  <Badge appearance="tint" color="success" size="small">
                    en vigueur aujourd’hui
                  </Badge>
                )}
                {origin !== undefined && (
                  <Badge appearance="outline" size="small">
                    {TABLE_ORIGIN_LABELS[origin]}
                  </Badge>
                )}
              </div>
              <Body1 block>{version.title}</Body1>
              <Caption1 block>En vigueur depuis le {frenchDate(version.effectiveDate)}</Caption1>
              <Caption1 block>Source : {version.source}</Caption1>
              <Caption1 block>
                SHA-256 : <span className={styles.hash}>{version.sha256}</span>
              </Caption1>
            </li>
          )
        })}
      </ul>
      <div>
        <Button disabled={busy} onClick={onRefresh}>
          Rechercher de nouveaux barèmes
        </Button>
      </div>
    </div>
  )
}
