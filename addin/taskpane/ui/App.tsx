// The task pane: profile, budget sheet, check, rate tables and functions, over Excel or the in-memory preview.
import {
  Body1,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { bundledCatalog } from '../../../shared'
import type { BudgetList, ContractChoices, ContractView, PaneServices } from '../actions'
import { failureNotice, messageOf, type Notice, type Outcome } from '../actions/notice'
import type { CheckResult } from '../check/run-check'
import { draftOf, evaluateDraft, newDraft, type ProfileDraft } from '../profile/draft'
import type { RateSourceState } from '../rates/rate-source'
import type { BudgetRef } from '../sheets/budget-workbook'
import { MemoryWorkbook } from '../workbook/memory-workbook'
import { download } from './download'
import { ProfilePanel } from './ProfilePanel'

// The Profil tab is what the pane opens on. The other tabs, the workbook preview and the actions
// come in two files fetched as soon as the profile form is shown, so that a tab opens at once.
const loadActions = () => import('../actions')
const loadLater = () => import('./later')
type Later = Awaited<ReturnType<typeof loadLater>>

const useStyles = makeStyles({
  layout: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    flexWrap: 'wrap',
  },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flex: '1 1 20rem',
    maxWidth: '34rem',
    minWidth: 0,
  },
  preview: { flex: '3 1 30rem', minWidth: 0 },
  // Six tabs in a task pane 320 pixels wide: they go on two lines rather than out of sight.
  tabs: { flexWrap: 'wrap' },
})

export type Services = PaneServices

type TabId = 'profil' | 'budget' | 'controle' | 'contrat' | 'baremes' | 'fonctions'

export function App({ services }: { services: Services }) {
  const styles = useStyles()
  const today = services.today()
  const [tab, setTab] = useState<TabId>('profil')
  const [rates, setRates] = useState<RateSourceState | null>(null)
  const catalog = rates?.catalog ?? bundledCatalog()
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    newDraft(today, bundledCatalog().inForceOn(today))
  )
  const result = useMemo(() => evaluateDraft(draft, catalog), [draft, catalog])
  const [busy, setBusy] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [budgets, setBudgets] = useState<readonly BudgetRef[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [check, setCheck] = useState<CheckResult | null>(null)
  const [controlSheet, setControlSheet] = useState<string | null>(null)
  /** Set when an action needed the profile: its errors then all show. */
  const [profileAsked, setProfileAsked] = useState(false)
  const [choices, setChoices] = useState<ContractChoices>({
    prorata: 'jours',
    variable: 'versement',
  })
  const [later, setLater] = useState<Later | null>(null)
  const { workbook } = services
  const withCatalog = { ...services, catalog }

  const showBudgets = useCallback((list: BudgetList) => {
    setBudgets(list.budgets)
    setSelected(list.selected)
  }, [])

  useEffect(() => {
    loadLater().then(
      (parts) => setLater(parts),
      (error: unknown) => setNotice(failureNotice('Chargement du volet', error))
    )
    loadActions().then(async (actions) => {
      const [loaded, list] = await Promise.allSettled([
        actions.refreshRates(services),
        actions.budgetList(services),
      ])
      if (loaded.status === 'fulfilled') setRates(loaded.value.rates)
      if (list.status === 'fulfilled') {
        setBudgets(list.value.budgets)
        setSelected((current) => current ?? list.value.selected)
      } else {
        // The workbook could not be read (Excel busy in cell edit mode…): said, not swallowed.
        setNotice({
          intent: 'error',
          title: 'Lecture du classeur : échec',
          text: `${messageOf(list.reason)} Les feuilles de budget apparaîtront à la prochaine action.`,
        })
      }
    })
  }, [services])

  /** Runs one action of the pane: one at a time, its outcome said in French, its state applied. */
  const run = async <T extends Outcome>(
    label: string,
    action: (actions: Awaited<ReturnType<typeof loadActions>>) => Promise<T>,
    apply: (outcome: NoInfer<T>) => void = () => {}
  ) => {
    setBusy(label)
    setNotice(null)
    try {
      const outcome = await action(await loadActions())
      apply(outcome)
      setNotice(outcome.notice)
    } catch (error) {
      setNotice(failureNotice(label, error))
    } finally {
      setBusy(null)
    }
  }

  const generate = () => {
    if (result.profil === null || result.table === null) setProfileAsked(true)
    return run(
      'Génération',
      (a) => a.generateBudget(services, { profil: result.profil, table: result.table }),
      (outcome) => showBudgets(outcome)
    )
  }

  const importFile = (file: File) =>
    run(
      'Import',
      async (a) => a.importBudget(withCatalog, { name: file.name, text: await file.text() }),
      (outcome) => {
        setDraft(draftOf(outcome.profil, outcome.table))
        showBudgets(outcome)
      }
    )

  const exportBudget = (format: 'json' | 'csv') =>
    run(
      'Export',
      (a) => a.exportBudget(withCatalog, { key: selected, format }),
      (outcome) => download(outcome.file)
    )

  const importActuals = (file: File) =>
    run(
      'Import du réalisé',
      async (a) =>
        a.importActuals(withCatalog, {
          key: selected,
          file: { name: file.name, text: await file.text() },
        }),
      (outcome) => showBudgets(outcome)
    )

  const verify = () =>
    run(
      'Contrôle',
      async (a) => {
        // The report shows as soon as it is known; the Contrôle sheet is written next.
        const checked = await a.checkBudgetSheet(withCatalog, { key: selected, budgets })
        setCheck(checked.check)
        return a.writeCheckSheet(services, checked)
      },
      (outcome) => setControlSheet(outcome.controlSheet)
    )

  const writeContractSheet = (what: 'echeancier' | 'cloture', view: ContractView) =>
    run(what === 'echeancier' ? 'Échéancier' : 'Clôture', (a) =>
      what === 'echeancier' ? a.writeSchedule(services, view) : a.writeCutoff(services, view)
    )

  /** The tab shown, other than Profil, once its file is there. */
  const otherTab = (parts: Later): ReactNode => {
    switch (tab) {
      case 'budget':
        return (
          <parts.BudgetPanel
            year={result.profil?.exercice.debut.slice(0, 4) ?? null}
            canGenerate={result.profil !== null}
            busy={busy !== null}
            budgets={budgets}
            selected={selected}
            onSelect={setSelected}
            onGenerate={generate}
            onImport={importFile}
            onExport={exportBudget}
            onImportActuals={importActuals}
          />
        )
      case 'controle':
        return (
          <parts.CheckPanel
            budgets={budgets}
            selected={selected}
            onSelect={setSelected}
            busy={busy !== null}
            onCheck={verify}
            result={check}
            controlSheet={controlSheet}
          />
        )
      case 'contrat':
        return (
          <parts.ContractPanel
            profil={result.profil}
            choices={choices}
            onChoices={setChoices}
            busy={busy !== null}
            onWriteSchedule={(view) => writeContractSheet('echeancier', view)}
            onWriteCutoff={(view) => writeContractSheet('cloture', view)}
          />
        )
      case 'baremes':
        return (
          <parts.RatesPanel
            state={rates}
            busy={busy !== null}
            onRefresh={() =>
              run(
                'Barèmes',
                (a) => a.refreshRates(services),
                (outcome) => setRates(outcome.rates)
              )
            }
          />
        )
      case 'fonctions':
        return <parts.FunctionsPanel inExcel={workbook.host === 'excel'} />
      default:
        return null
    }
  }

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.layout}>
        <main className={styles.pane}>
          <header>
            <Title3 as="h1">Budget ACI de la CPTS</Title3>
            <Body1 block>
              {workbook.host === 'excel'
                ? 'Dans ce classeur Excel.'
                : 'Aperçu hors d’Excel : les feuilles sont écrites dans un classeur d’aperçu.'}
            </Body1>
          </header>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            size="small"
          >
            <Tab value="profil">Profil</Tab>
            <Tab value="budget">Budget</Tab>
            <Tab value="controle">Contrôle</Tab>
            <Tab value="contrat">Contrat</Tab>
            <Tab value="baremes">Barèmes</Tab>
            <Tab value="fonctions">Fonctions</Tab>
          </TabList>
          {(busy !== null || notice !== null) &&
            (later === null ? (
              <Body1>{busy === null ? notice?.title : `${busy} en cours…`}</Body1>
            ) : (
              <later.ActionStatus busy={busy} notice={notice} />
            ))}
          {tab === 'profil' ? (
            <ProfilePanel
              draft={draft}
              result={result}
              origins={rates?.origins ?? new Map()}
              onChange={setDraft}
              showAllErrors={profileAsked}
            />
          ) : later === null ? (
            <Body1>Chargement…</Body1>
          ) : (
            otherTab(later)
          )}
        </main>
        {workbook instanceof MemoryWorkbook && later !== null && (
          <aside className={styles.preview}>
            <later.WorkbookPreview workbook={workbook} />
          </aside>
        )}
      </div>
    </FluentProvider>
  )
}
