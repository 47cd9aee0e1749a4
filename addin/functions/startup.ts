// Asks Excel to start the add-in's runtime with every workbook, so a saved budget's ACI.* formulas never show #NOM?.
/// <reference types="office-js" />

/**
 * Once the shared runtime is up in Excel, sets the startup behaviour to "load" (Microsoft,
 * run-code-on-document-open). Without it the functions stay unknown in a workbook until the task
 * pane has been opened. Does nothing outside Excel, in a JavaScript-only runtime or in a host
 * without the SharedRuntime 1.1 requirement set.
 */
export function loadWithWorkbooks(): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return
  Office.onReady((info) => {
    if (Office.HostType === undefined || info.host !== Office.HostType.Excel) return
    if (!Office.context?.requirements?.isSetSupported('SharedRuntime', '1.1')) return
    if (typeof Office.addin?.setStartupBehavior !== 'function') return
    Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch((error: unknown) => {
      // The functions still work in this session; only the next opening would need the pane.
      console.warn('ACI-CPTS : chargement à l’ouverture du classeur non activé', error)
    })
  })
}
