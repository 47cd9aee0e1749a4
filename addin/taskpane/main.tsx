// Entry of the task pane page: waits for Office (or learns it is absent), then renders the pane.
/// <reference types="office-js" />
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

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
  .then((excel) => {
    root.render(
      <StrictMode>
        <App inExcel={excel} />
      </StrictMode>
    )
  })
