// Entry of the task pane page: waits for Office (or learns it is absent), picks the workbook, renders the pane.
/// <reference types="office-js" />
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { todayInFrance } from '../../shared'
import { withDeadline } from './fetch-deadline'
import { defaultStore } from './rates/storage'
import { App, type Services } from './ui/App'
import { MemoryWorkbook } from './workbook/memory-workbook'

/** Is the page running inside Excel? False in a plain browser or when office.js could not be fetched. */
async function inExcel(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false
  const info = await Office.onReady()
  return info.host === Office.HostType.Excel
}

const container = document.getElementById('root')
if (container === null) throw new Error('taskpane.html : élément #root absent')
const root = createRoot(container)
inExcel()
  .catch((error: unknown) => {
    console.warn('ACI-CPTS : Office.onReady a échoué', error)
    return false
  })
  .then(async (excel) => {
    const services: Services = {
      // The Office.js writer is fetched only inside Excel; the preview needs none of it.
      workbook: excel
        ? new (await import('./workbook/office-workbook')).OfficeWorkbook()
        : new MemoryWorkbook(),
      // Every call to the service has a deadline: a stalled connection never hangs the pane.
      fetch: withDeadline((input, init) => globalThis.fetch(input, init)),
      // The Worker that serves this page serves the API beside it.
      api: new URL('api/v1/', document.baseURI).href,
      store: defaultStore(),
      today: () => todayInFrance(),
    }
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>
    )
  })
