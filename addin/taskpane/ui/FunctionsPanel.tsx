// The Fonctions tab: whether the ACI.* functions are loaded, and how to write each one in French Excel.

import metadata from 'virtual:aci-functions-metadata'
import {
  Badge,
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components'
import { Fragment } from 'react'
import { bundledCatalog } from '../../../shared'
import { type FunctionEntry, functionEntries } from '../function-catalog'

import { useListStyles } from './list-styles'

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '48rem',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A long signature (ACI.PRODUITS_EXERCICE) wraps inside a 320 px pane rather than widening it.
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
  },
  parameters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  parameterDescription: { margin: 0, overflowWrap: 'anywhere' },
  hash: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
})

function Status({ inExcel }: { inExcel: boolean }) {
  if (inExcel) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>Fonctions ACI chargées</MessageBarTitle>
          Tapez =ACI. dans une cellule : Excel propose les fonctions ci-dessous. Le complément se
          charge désormais à l’ouverture des classeurs, sans ouvrir ce volet.
        </MessageBarBody>
      </MessageBar>
    )
  }
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Page ouverte hors d’Excel</MessageBarTitle>
        Les fonctions ACI.* s’utilisent dans un classeur Excel où le complément est installé à
        partir de son <Link href="manifest.xml">manifeste</Link>.
      </MessageBarBody>
    </MessageBar>
  )
}

function FunctionItem({ entry }: { entry: FunctionEntry }) {
  const styles = { ...useStyles(), ...useListStyles() }
  return (
    <li className={styles.item}>
      <div className={styles.heading}>
        <code className={styles.code}>{entry.syntax}</code>
        {entry.spills && (
          <Badge appearance="tint" size="small">
            s’étend sur plusieurs cellules
          </Badge>
        )}
      </div>
      <Body1 block>{entry.description}</Body1>
      {entry.parameters.length > 0 && (
        <dl className={styles.parameters}>
          {entry.parameters.map((p) => (
            <Fragment key={p.name}>
              <dt>
                <Caption1>
                  <code className={styles.code}>{p.name}</code>
                  {p.optional ? ' (facultatif)' : ''}
                </Caption1>
              </dt>
              <dd className={styles.parameterDescription}>
                <Caption1>{p.description}</Caption1>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {entry.example && (
        <Caption1 block>
          Exemple : <code className={styles.code}>{entry.example}</code>
        </Caption1>
      )}
    </li>
  )
}

export function FunctionsPanel({ inExcel }: { inExcel: boolean }) {
  const styles = { ...useStyles(), ...useListStyles() }
  const ids = bundledCatalog()
    .tables.map((t) => t.id)
    .join(', ')
  return (
    <div className={styles.page}>
      <Status inExcel={inExcel} />
      <section className={styles.section} aria-labelledby="aci-fonctions">
        <Subtitle2 as="h2" id="aci-fonctions">
          Les fonctions
        </Subtitle2>
        <ul className={styles.list}>
          {functionEntries(metadata).map((entry) => (
            <FunctionItem key={entry.id} entry={entry} />
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="aci-saisie">
        <Subtitle2 as="h2" id="aci-saisie">
          Saisir les arguments
        </Subtitle2>
        <ul>
          <li>
            <Body1>Dans Excel en français, séparez les arguments par des points-virgules.</Body1>
          </li>
          <li>
            <Body1>Un taux d’atteinte se saisit en pourcentage (75 %) ou en fraction (0,75).</Body1>
          </li>
          <li>
            <Body1>
              La version est un identifiant ({ids}), une date AAAA-MM-JJ entre guillemets ou une
              cellule au format date ; vide, c’est le barème en vigueur aujourd’hui.
            </Body1>
          </li>
          <li>
            <Body1>
              Une valeur incorrecte donne #VALEUR!, une version ou une mission inconnue #N/A ; le
              message qui dit quoi corriger s’affiche au survol de l’indicateur d’erreur.
            </Body1>
          </li>
        </ul>
      </section>
    </div>
  )
}
