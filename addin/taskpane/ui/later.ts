// The parts of the pane its first screen does without: the other tabs, the workbook preview, the action messages, the table of envelopes, and Fluent's provider they render in. Fetched as one file once the browser is idle after the first screen.
import { ActionStatus as Status } from './ActionStatus'
import { EnvelopesTable as Envelopes } from './EnvelopesTable'
import { inFluent } from './in-fluent'
import { WorkbookPreview as Preview } from './WorkbookPreview'

export { BooksPanel } from './BooksPanel'
export { BudgetPanel } from './BudgetPanel'
export { CerfaPanel } from './CerfaPanel'
export { CheckPanel } from './CheckPanel'
export { ContractPanel } from './ContractPanel'
export { DossierPanel } from './DossierPanel'
export { FunctionsPanel } from './FunctionsPanel'
export { IndicatorsPanel } from './IndicatorsPanel'
export { InFluent } from './in-fluent'
export { PortfolioPanel } from './PortfolioPanel'
export { RatesPanel } from './RatesPanel'
export { TimePanel } from './TimePanel'

export const ActionStatus = inFluent(Status)
export const EnvelopesTable = inFluent(Envelopes)
export const WorkbookPreview = inFluent(Preview)
