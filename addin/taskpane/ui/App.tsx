// The task pane: profile, budget sheet, check, rate tables and functions, over Excel or the in-memory preview.
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  actualsFromCsv,
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  budgetToJson,
  bundledCatalog,
  cutoffOf,
  isAciError,
  scheduleOf,
  todayInFrance,
} from '../../../shared'
import { type CheckResult, runCheck } from '../check/run-check'
import { contractOfProfile } from '../profile/contract-of-profile'
import { draftOf, evaluateDraft, newDraft, type ProfileDraft } from '../profile/draft'
import { loadRateSource, type RateSourceState } from '../rates/rate-source'
import type { KeyValueStore } from '../rates/storage'
import {
  type BudgetRef,
  listBudgets,
  readBudgetSheet,
  writeBudget,
  writeControl,
} from '../sheets/budget-workbook'
import { cutoffPlan, schedulePlan } from '../sheets/contract-plans'
import { MemoryWorkbook } from '../workbook/memory-workbook'
import type { Workbook } from '../workbook/workbook'
import { BudgetPanel } from './BudgetPanel'
import { CheckPanel } from './CheckPanel'
import { type ContractChoices, ContractPanel } from './ContractPanel'
import { FunctionsPanel } from './FunctionsPanel'
import { ProfilePanel } from './ProfilePanel'
import { RatesPanel } from './RatesPanel'
import { WorkbookPreview } from './WorkbookPreview'

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

export interface Services {
  readonly workbook: Workbook
  readonly fetch: typeof fetch
  /** The service's API root, e.g. https://localhost:8787/api/v1/. */
  readonly api: string
  readonly store: KeyValueStore
}

type TabId = 'profil' | 'budget' | 'controle' | 'contrat' | 'baremes' | 'fonctions'

type Notice = { intent: 'success' | 'error' | 'info'; title: string; text: string } | null

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

function messageOf(error: unknown): string {
  if (isAciError(error)) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}

export function App({ services }: { services: Services }) {
  const styles = useStyles()
  const today = todayInFrance()
  const [tab, setTab] = useState<TabId>('profil')
  const [rates, setRates] = useState<RateSourceState | null>(null)
  const catalog = rates?.catalog ?? bundledCatalog()
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    newDraft(today, bundledCatalog().inForceOn(today))
  )
  const result = useMemo(() => evaluateDraft(draft, catalog), [draft, catalog])
  const [busy, setBusy] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
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
  const { workbook } = services

  const refreshRates = useCallback(async () => {
    setRates(await loadRateSource(services))
  }, [services])

  const refreshBudgets = useCallback(
    async (choose?: string) => {
      const list = await listBudgets(workbook)
      setBudgets(list)
      setSelected((current) => choose ?? current ?? list[list.length - 1]?.key ?? null)
    },
    [workbook]
  )

  useEffect(() => {
    void refreshRates()
    // The workbook could not be read (Excel busy in cell edit mode…): said, not swallowed.
    refreshBudgets().catch((error: unknown) =>
      setNotice({
        intent: 'error',
        title: 'Lecture du classeur : échec',
        text: `${messageOf(error)} Les feuilles de budget apparaîtront à la prochaine action.`,
      })
    )
  }, [refreshRates, refreshBudgets])

  /** Runs one action of the pane: one at a time, its outcome said in French. */
  const act = async (label: string, action: () => Promise<Notice>) => {
    setBusy(label)
    setNotice(null)
    try {
      setNotice(await action())
    } catch (error) {
      setNotice({ intent: 'error', title: `${label} : échec`, text: messageOf(error) })
    } finally {
      setBusy(null)
    }
  }

  const generate = () =>
    act('Génération', async () => {
      if (result.profil === null || result.table === null) {
        setProfileAsked(true)
        throw new Error('Profil incomplet : complétez les champs signalés de l’onglet Profil.')
      }
      const doc = { profil: result.profil, lignes: [] }
      const ref = await writeBudget(workbook, doc, result.table, today)
      await refreshBudgets(ref.key)
      return {
        intent: 'success',
        title: `Feuille « ${ref.sheet} » créée`,
        text: 'Saisissez les montants par section, puis vérifiez le budget (onglet Contrôle).',
      }
    })

  const importFile = (file: File) =>
    act('Import', async () => {
      const text = await file.text()
      const doc = file.name.toLowerCase().endsWith('.csv')
        ? budgetFromCsv(text)
        : budgetFromJson(text)
      const table =
        doc.profil.version === undefined
          ? catalog.inForceOn(doc.profil.signature)
          : catalog.byVersionId(doc.profil.version)
      const ref = await writeBudget(workbook, doc, table, today)
      setDraft(draftOf(doc.profil, table))
      await refreshBudgets(ref.key)
      return {
        intent: 'success',
        title: `« ${file.name} » importé`,
        text: `${doc.lignes.length} lignes écrites dans la nouvelle feuille « ${ref.sheet} ».`,
      }
    })

  const exportBudget = (format: 'json' | 'csv') =>
    act('Export', async () => {
      if (selected === null) throw new Error('Choisissez une feuille de budget.')
      const doc = await readBudgetSheet(workbook, selected, catalog)
      const name = `budget-${selected}.${format}`
      if (format === 'json') download(name, budgetToJson(doc), 'application/json')
      else download(name, budgetToCsv(doc), 'text/csv;charset=utf-8')
      return {
        intent: 'success',
        title: `Budget exporté`,
        text: `Fichier ${name} (${doc.lignes.length} lignes).`,
      }
    })

  const importActuals = (file: File) =>
    act('Import du réalisé', async () => {
      if (selected === null) throw new Error('Choisissez une feuille de budget.')
      const doc = actualsFromCsv(
        await file.text(),
        await readBudgetSheet(workbook, selected, catalog)
      )
      const table =
        doc.profil.version === undefined
          ? catalog.inForceOn(doc.profil.signature)
          : catalog.byVersionId(doc.profil.version)
      const ref = await writeBudget(workbook, doc, table, today)
      await refreshBudgets(ref.key)
      return {
        intent: 'success',
        title: `Réalisé de « ${file.name} » importé`,
        text: `Budget et réalisé écrits dans la nouvelle feuille « ${ref.sheet} » ; la feuille d’origine n’est pas modifiée.`,
      }
    })

  const verify = () =>
    act('Contrôle', async () => {
      if (selected === null) throw new Error('Choisissez une feuille de budget.')
      const sheet = budgets.find((b) => b.key === selected)?.sheet ?? selected
      const doc = await readBudgetSheet(workbook, selected, catalog)
      const checked = await runCheck(doc, { ...services, catalog })
      setCheck(checked)
      const written = await writeControl(workbook, checked, sheet, today)
      setControlSheet(written)
      const c = checked.report.counts
      return {
        intent: c.error > 0 ? 'error' : c.warning > 0 ? 'info' : 'success',
        title: 'Budget vérifié',
        text: `${c.error} erreur(s), ${c.warning} avertissement(s), ${c.info} information(s) ; rapport dans « ${written} ».`,
      }
    })

  const writeContractSheet = (what: 'echeancier' | 'cloture') =>
    act(what === 'echeancier' ? 'Échéancier' : 'Clôture', async () => {
      const profil = result.profil
      if (profil === null) throw new Error('Profil incomplet.')
      const schedule = scheduleOf(contractOfProfile(profil, choices.prorata))
      const sheet =
        what === 'echeancier'
          ? await workbook.addSheet((names) =>
              schedulePlan({ schedule, cpts: profil.nom, today }, names)
            )
          : await workbook.addSheet((names) =>
              cutoffPlan(
                {
                  cutoff: cutoffOf(schedule, profil.exercice, {
                    variable: choices.variable,
                    repartition: choices.prorata,
                  }),
                  cpts: profil.nom,
                  today,
                },
                names
              )
            )
      return { intent: 'success', title: `Feuille « ${sheet} » créée`, text: '' }
    })

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
          {busy !== null && <Spinner size="tiny" label={`${busy} en cours…`} />}
          {notice !== null && (
            <MessageBar
              intent={notice.intent}
              role={notice.intent === 'error' ? 'alert' : 'status'}
            >
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {notice.text}
              </MessageBarBody>
            </MessageBar>
          )}
          {tab === 'profil' && (
            <ProfilePanel
              draft={draft}
              result={result}
              origins={rates?.origins ?? new Map()}
              onChange={setDraft}
              showAllErrors={profileAsked}
            />
          )}
          {tab === 'budget' && (
            <BudgetPanel
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
          )}
          {tab === 'controle' && (
            <CheckPanel
              budgets={budgets}
              selected={selected}
              onSelect={setSelected}
              busy={busy !== null}
              onCheck={verify}
              result={check}
              controlSheet={controlSheet}
            />
          )}
          {tab === 'contrat' && (
            <ContractPanel
              profil={result.profil}
              choices={choices}
              onChoices={setChoices}
              busy={busy !== null}
              onWriteSchedule={() => writeContractSheet('echeancier')}
              onWriteCutoff={() => writeContractSheet('cloture')}
            />
          )}
          {tab === 'baremes' && (
            <RatesPanel
              state={rates}
              busy={busy !== null}
              onRefresh={() =>
                act('Barèmes', async () => {
                  await refreshRates()
                  return null
                })
              }
            />
          )}
          {tab === 'fonctions' && <FunctionsPanel inExcel={workbook.host === 'excel'} />}
        </main>
        {workbook instanceof MemoryWorkbook && (
          <aside className={styles.preview}>
            <WorkbookPreview workbook={workbook} />
          </aside>
        )}
      </div>
    </FluentProvider>
  )
}
