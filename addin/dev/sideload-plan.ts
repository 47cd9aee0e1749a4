// Where Excel on Windows and on Mac looks for add-ins under development, as Microsoft documents sideloading: what `npm run sideload` changes, computed without touching anything.
import path from 'node:path'

/** Excel for Windows reads manifests listed as values of this registry key (Office 2016 and later, Microsoft 365). */
export const WINDOWS_DEVELOPER_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer'

export type SideloadPlan =
  | {
      readonly kind: 'registry'
      readonly key: string
      /** The value's name: the add-in's Id, so that sideloading twice replaces rather than adds. */
      readonly name: string
      readonly manifest: string
    }
  | {
      readonly kind: 'copy'
      readonly folder: string
      readonly target: string
      readonly manifest: string
    }
  | { readonly kind: 'unsupported'; readonly message: string }

/** The add-in's Id from its manifest (`<Id>…</Id>`), or an error that says what was expected. */
export function addinIdOf(manifestXml: string): string {
  const id = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(manifestXml)?.[1]
  if (id === undefined) throw new Error('manifeste sans <Id> (un GUID de 36 caractères attendu).')
  return id.toLowerCase()
}

/**
 * Windows: a value in the Developer registry key pointing to the manifest. Mac: the manifest copied
 * into the `wef` folder of Excel's container (created when absent). Elsewhere there is no desktop
 * Excel: the manifest is uploaded in Excel on the web.
 */
export function sideloadPlan(
  platform: NodeJS.Platform,
  home: string,
  manifest: string,
  id: string
): SideloadPlan {
  if (platform === 'win32') {
    return { kind: 'registry', key: WINDOWS_DEVELOPER_KEY, name: id, manifest }
  }
  if (platform === 'darwin') {
    const folder = path.posix.join(
      home,
      'Library/Containers/com.microsoft.Excel/Data/Documents/wef'
    )
    return { kind: 'copy', folder, target: path.posix.join(folder, `${id}.manifest.xml`), manifest }
  }
  return {
    kind: 'unsupported',
    message: `Excel de bureau n’existe que sous Windows et macOS. Sur ce système, chargez ${manifest} dans Excel sur le web : Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément.`,
  }
}
