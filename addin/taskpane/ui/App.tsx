// The task pane: profile, budget sheet, check, contract, books, dossier, rate tables and functions, over Excel or the in-memory preview.
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { bundledCatalog, type FecProblem, type LedgerActuals } from '../../../shared'
import type {
  BudgetList,
  ContractChoices,
  ContractView,
  DossierFile,
  ImportedLedger,
  PaneServices,
  RuleRow,
  RulesState,
} from '../actions'
import type { Notice, Outcome } from '../actions/notice'
import type { CheckResult } from '../check/run-check'
import { draftOf, evaluateDraft, newDraft, type ProfileDraft } from '../profile/draft'
import type { RateSourceState } from '../rates/rate-source'
import type { BudgetRef } from '../sheets/budget-workbook'
import { MemoryWorkbook } from '../workbook/memory-workbook'
import type { Progress, TreasuryInput } from './BooksPanel'
import type { CerfaTabState } from './CerfaPanel'
import type { DossierFields } from './DossierPanel'
import { download } from './download'
import type { IndicatorsTabState } from './IndicatorsPanel'
import { whenIdle } from './idle'
import type { PortfolioTabState } from './PortfolioPanel'
import { ProfilePanel } from './ProfilePanel'
import { TabBar } from './TabBar'
import 'virtual:fluent-theme.css'
import './pane.css'
import type { TimeTabState } from './TimePanel'

// The Profil tab is what the pane opens on. The other tabs, the workbook preview and the actions
// come in two files fetched once the browser is idle after the profile form is shown, so that a
// tab opens at once without delaying the first screen.
const loadActions = () => import('../actions')
const loadLater = () => import('./later')
type Later = Awaited<ReturnType<typeof loadLater>>

/**
 * A failure said in the actions' own words (they list every bad cell of a sheet), taken from
 * their file so that the first screen does not carry the budget sheet's reader; the plain message
 * when that file is what could not be fetched.
 */
async function failureNotice(label: string, error: unknown): Promise<Notice> {
  const actions = await loadActions().catch(() => null)
  if (actions !== null) return actions.failureNotice(label, error)
  return {
    intent: 'error',
    title: `${label} : échec`,
    text: error instanceof Error ? error.message : String(error),
  }
}

export type Services = PaneServices

/** The tabs, in their order: a new tab is one line here and one case in otherTab. */
const TABS = [
  { id: 'profil', label: 'Profil' },
  { id: 'budget', label: 'Budget' },
  { id: 'controle', label: 'Contrôle' },
  { id: 'contrat', label: 'Contrat' },
  { id: 'indicateurs', label: 'Indicateurs' },
  { id: 'temps', label: 'Temps' },
  { id: 'comptabilite', label: 'Comptabilité' },
  { id: 'dossier', label: 'Dossier' },
  { id: 'portefeuille', label: 'Portefeuille' },
  { id: 'baremes', label: 'Barèmes' },
  { id: 'fonctions', label: 'Fonctions' },
] as const

type TabId = (typeof TABS)[number]['id']

/** Offers a file to the person: text or bytes (the dossier's PDF). */
function save(file: DossierFile): void {
  if (typeof file.content === 'string') {
    download({ name: file.name, type: file.type, content: file.content })
    return
  }
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.type }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function App({ services }: { services: Services }) {
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
  // A notice belongs to the tab it was given on: it shows there only.
  const tabNow = useRef(tab)
  tabNow.current = tab
  const [noticeTab, setNoticeTab] = useState(tab)
  useEffect(() => {
    if (notice !== null) setNoticeTab(tabNow.current)
  }, [notice])
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
  const [indicators, setIndicators] = useState<IndicatorsTabState | null>(null)
  const [time, setTime] = useState<TimeTabState | null>(null)
  // The books of this session: the FEC read, the rules of the chosen budget, the actuals filled.
  const [ledger, setLedger] = useState<ImportedLedger | null>(null)
  const [fecProblems, setFecProblems] = useState<readonly FecProblem[]>([])
  const [rules, setRules] = useState<(RulesState & { readonly key: string }) | null>(null)
  const [ledgerActuals, setLedgerActuals] = useState<{
    readonly keys: readonly string[]
    readonly actuals: LedgerActuals
    readonly fichier: string
  } | null>(null)
  const [treasury, setTreasury] = useState<TreasuryInput>({
    tresorerieInitiale: '',
    seuil: '',
    moisSuivants: false,
  })
  const [dossierFields, setDossierFields] = useState<DossierFields>({
    tresorier: '',
    referenceCommissaireAuxComptes: '',
    cleDePseudonymisation: '',
    avecRealiseFec: true,
  })
  const [dossierFiles, setDossierFiles] = useState<readonly DossierFile[]>([])
  const [cerfa, setCerfa] = useState<CerfaTabState | null>(null)
  const [portfolio, setPortfolio] = useState<PortfolioTabState | null>(null)
  /** The long action under way (FEC, dossier), its bar and what stops it. */
  const [progress, setProgress] = useState<Progress | null>(null)
  const abort = useRef<AbortController | null>(null)
  const { workbook } = services
  const withCatalog = { ...services, catalog }

  const showBudgets = useCallback((list: BudgetList) => {
    setBudgets(list.budgets)
    setSelected(list.selected)
  }, [])

  // The other tabs, the actions, the rate tables' refresh and the list of budget sheets wait
  // until the browser is idle after the first screen: none of it competes with showing the form.
  useEffect(
    () =>
      whenIdle(() => {
        loadLater().then(
          (parts) => setLater(parts),
          async (error: unknown) => setNotice(await failureNotice('Chargement du volet', error))
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
              text: `${actions.messageOf(list.reason)} Les feuilles de budget apparaîtront à la prochaine action.`,
            })
          }
        })
      }),
    [services]
  )

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
      setNotice(await failureNotice(label, error))
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

  /** An imported profile that differs from the one typed, until the person replaces or keeps it. */
  const [profileOffer, setProfileOffer] = useState<{
    readonly file: string
    readonly draft: ProfileDraft
  } | null>(null)

  const importFile = (file: File) =>
    run(
      'Import',
      async (a) => {
        const bytes = new Uint8Array(await file.arrayBuffer())
        const outcome = await a.importBudget(withCatalog, { name: file.name, bytes })
        const imported = draftOf(outcome.profil, outcome.table)
        const untouched = newDraft(today, bundledCatalog().inForceOn(today))
        const choice = a.profileChoice(draft, untouched, imported)
        const said =
          choice === 'take'
            ? ' L’onglet Profil reprend le profil du fichier.'
            : choice === 'ask'
              ? ' Le profil saisi est gardé tant que vous ne le remplacez pas.'
              : ''
        const notice = outcome.notice && { ...outcome.notice, text: outcome.notice.text + said }
        return { ...outcome, notice, choice, imported }
      },
      (outcome) => {
        if (outcome.choice === 'take') setDraft(outcome.imported)
        setProfileOffer(
          outcome.choice === 'ask' ? { file: file.name, draft: outcome.imported } : null
        )
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
          file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        }),
      (outcome) => showBudgets(outcome)
    )

  const verify = (replace: boolean) =>
    run(
      'Contrôle',
      async (a) => {
        // The report shows as soon as it is known; the Contrôle sheet is written next.
        const checked = await a.checkBudgetSheet(withCatalog, { key: selected, budgets })
        setCheck(checked.check)
        return a.writeCheckSheet(services, checked, { replace })
      },
      (outcome) => setControlSheet(outcome.controlSheet)
    )

  /** An action that can be stopped: its bar shows, « Annuler » aborts its signal. */
  const runCancellable = async <T extends Outcome>(
    label: string,
    action: (
      actions: Awaited<ReturnType<typeof loadActions>>,
      signal: AbortSignal,
      onProgress: (p: Progress) => void
    ) => Promise<T>,
    apply: (outcome: NoInfer<T>) => void
  ) => {
    const controller = new AbortController()
    abort.current = controller
    setProgress({ label: `${label}…`, fraction: null })
    try {
      await run<T>(label, (a) => action(a, controller.signal, setProgress), apply)
    } finally {
      abort.current = null
      setProgress(null)
    }
  }
  const cancel = () => abort.current?.abort()

  // The rules of the chosen budget, read once it is chosen and the Comptabilité tab is open.
  useEffect(() => {
    if (tab !== 'comptabilite' || selected === null || rules?.key === selected) return
    let current = true
    loadActions()
      .then((a) => a.ledgerRules({ ...services, catalog }, { key: selected }))
      .then(
        (state) => current && setRules({ ...state, key: selected }),
        async (error: unknown) => {
          const said = await failureNotice('Règles d’affectation', error)
          if (current) setNotice(said)
        }
      )
    return () => {
      current = false
    }
  }, [tab, selected, rules?.key, services, catalog])

  const importFec = (file: File) =>
    runCancellable(
      'Import du FEC',
      (a, signal, onProgress) =>
        a.importLedger({
          file,
          exercice: result.profil?.exercice ?? null,
          signal,
          onProgress,
        }),
      (outcome) => {
        if (outcome.cancelled) return
        setLedger(outcome.imported)
        setFecProblems(outcome.problemes)
      }
    )

  const rulesOf = (): readonly RuleRow[] => (rules?.key === selected ? rules.rows : [])

  const fillActuals = () =>
    run(
      'Réalisé du FEC',
      async (a) => {
        if (ledger === null) throw new Error('Importez d’abord le FEC.')
        return a.fillActualsFromLedger(withCatalog, { key: selected, ledger, rules: rulesOf() })
      },
      (outcome) => {
        setLedgerActuals({
          keys: [selected ?? '', outcome.selected ?? ''],
          actuals: outcome.actuals,
          fichier: ledger?.fichier ?? '',
        })
        // The new sheet is chosen: its rules are the ones just used.
        if (outcome.selected !== null && rules !== null)
          setRules({ ...rules, key: outcome.selected })
        showBudgets(outcome)
      }
    )

  const followUp = () =>
    run('Suivi', async (a) => {
      if (ledger === null) throw new Error('Importez d’abord le FEC.')
      return a.writeLedgerFollowUp(withCatalog, {
        key: selected,
        budgets,
        ledger,
        rules: rulesOf(),
      })
    })

  const treasuryPlan = () =>
    run('Plan de trésorerie', (a) =>
      a.writeTreasuryPlan(withCatalog, {
        key: selected,
        profil: result.profil,
        choices,
        ledger,
        ...treasury,
      })
    )

  const fecActuals =
    ledgerActuals !== null && selected !== null && ledgerActuals.keys.includes(selected)
      ? ledgerActuals
      : null

  const makeDossier = () =>
    runCancellable(
      'Dossier',
      (a, signal, onProgress) =>
        a.makeDossier(withCatalog, {
          key: selected,
          budgets,
          choices,
          actuals: fecActuals !== null && dossierFields.avecRealiseFec ? fecActuals.actuals : null,
          tresorier: dossierFields.tresorier,
          referenceCommissaireAuxComptes: dossierFields.referenceCommissaireAuxComptes,
          cleDePseudonymisation: dossierFields.cleDePseudonymisation,
          signal,
          onProgress,
        }),
      (outcome) => {
        if (outcome.cancelled) return
        setDossierFiles(outcome.files)
        for (const file of outcome.files) save(file)
      }
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
            profileOffer={
              profileOffer && { file: profileOffer.file, nom: profileOffer.draft.nom || '—' }
            }
            onProfileOffer={(replace) => {
              if (profileOffer !== null && replace) setDraft(profileOffer.draft)
              setProfileOffer(null)
            }}
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
            onExportEntries={(view, format, journal) =>
              run(
                'Export des écritures',
                async (a) => a.exportCutoffEntries(view, { format, journal }),
                (outcome) => download(outcome.file)
              )
            }
          />
        )
      case 'comptabilite':
        return (
          <parts.BooksPanel
            exercice={result.profil?.exercice ?? null}
            busy={busy !== null}
            budgets={budgets}
            selected={selected}
            onSelect={setSelected}
            ledger={ledger}
            problems={fecProblems}
            progress={progress}
            onCancel={cancel}
            onImportFec={importFec}
            rules={rules?.key === selected ? rules : null}
            onRulesChange={(rows) => rules !== null && setRules({ ...rules, rows })}
            onDefaultRules={() =>
              run(
                'Règles d’affectation',
                (a) => a.budgetRules(withCatalog, { key: selected }),
                (outcome) => selected !== null && setRules({ ...outcome, key: selected })
              )
            }
            onWriteRules={() =>
              run(
                'Règles d’affectation',
                (a) => a.writeLedgerRules(withCatalog, { key: selected, budgets, rows: rulesOf() }),
                (outcome) => selected !== null && setRules({ ...outcome, key: selected })
              )
            }
            onFillActuals={fillActuals}
            nonAffecte={fecActuals?.actuals.nonAffecte ?? null}
            onFollowUp={followUp}
            treasury={treasury}
            onTreasuryChange={setTreasury}
            onTreasury={treasuryPlan}
          />
        )
      case 'dossier':
        return (
          <>
            <parts.DossierPanel
              busy={busy !== null}
              budgets={budgets}
              selected={selected}
              onSelect={setSelected}
              fields={dossierFields}
              onFields={setDossierFields}
              fecActuals={fecActuals?.fichier ?? null}
              progress={progress}
              onCancel={cancel}
              onMake={makeDossier}
              files={dossierFiles}
              onSave={save}
            />
            <parts.CerfaPanel
              state={cerfa}
              onState={setCerfa}
              run={run}
              services={withCatalog}
              busy={busy !== null}
              selected={selected}
            />
          </>
        )
      case 'portefeuille':
        return (
          <parts.PortfolioPanel
            state={portfolio}
            onState={setPortfolio}
            run={run}
            services={withCatalog}
            busy={busy !== null}
          />
        )
      case 'indicateurs':
        return (
          <parts.IndicatorsPanel
            state={indicators}
            onState={setIndicators}
            run={run}
            services={withCatalog}
            busy={busy !== null}
            profile={result}
            draft={draft}
            onDraft={setDraft}
          />
        )
      case 'temps':
        return (
          <parts.TimePanel
            state={time}
            onState={setTime}
            run={run}
            services={withCatalog}
            busy={busy !== null}
            profile={result}
            onBudgets={showBudgets}
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
    // Fluent's theme and base text as FluentProvider gives them, from style sheets: the provider and
    // Fluent's components come with the later parts, each of which brings its own (later.ts).
    <div dir="ltr" className="aci-theme">
      <div className="aci-layout">
        <main className="aci-pane">
          <header>
            <h1 className="aci-text aci-title3">Budget ACI de la CPTS</h1>
            <span className="aci-text aci-block">
              {workbook.host === 'excel'
                ? 'Dans ce classeur Excel.'
                : 'Aperçu hors d’Excel : les feuilles sont écrites dans un classeur d’aperçu.'}
            </span>
          </header>
          <TabBar tabs={TABS} selected={tab} onSelect={setTab} />
          {(busy !== null || (notice !== null && noticeTab === tab)) &&
            (later === null ? (
              <span className="aci-text">
                {busy === null ? notice?.title : `${busy} en cours…`}
              </span>
            ) : (
              <later.ActionStatus busy={busy} notice={noticeTab === tab ? notice : null} />
            ))}
          {tab === 'profil' ? (
            <ProfilePanel
              draft={draft}
              result={result}
              origins={rates?.origins ?? new Map()}
              onChange={setDraft}
              showAllErrors={profileAsked}
              EnvelopesTable={later?.EnvelopesTable ?? null}
            />
          ) : later === null ? (
            <span className="aci-text">Chargement…</span>
          ) : (
            <later.InFluent>{otherTab(later)}</later.InFluent>
          )}
        </main>
        {workbook instanceof MemoryWorkbook && later !== null && (
          <aside className="aci-preview">
            <later.WorkbookPreview workbook={workbook} />
          </aside>
        )}
      </div>
    </div>
  )
}
