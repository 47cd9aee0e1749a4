// The parts of the pane its first screen does without: the other tabs, the workbook preview, the action messages. Fetched as one file once the profile form is shown.
export { ActionStatus } from './ActionStatus'
export { BudgetPanel } from './BudgetPanel'
export { CheckPanel } from './CheckPanel'
export { ContractPanel } from './ContractPanel'
export { FunctionsPanel } from './FunctionsPanel'
export { RatesPanel } from './RatesPanel'
export { WorkbookPreview } from './WorkbookPreview'
