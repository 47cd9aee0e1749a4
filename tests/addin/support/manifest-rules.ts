// The rules Office applies to a shared-runtime custom-functions manifest, checked offline on the XML; each broken rule is one French line.
import { DOMParser, type Element } from '@xmldom/xmldom'

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const

/** Parses strictly: any well-formedness error or warning throws. */
export function parseManifest(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`manifest.xml mal formé (${level}) : ${message}`)
    },
  }).parseFromString(xml, 'text/xml')
  const root = doc.documentElement
  if (root === null) throw new Error('manifest.xml : aucun élément racine')
  return root
}

export function elements(root: Element, namespace: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName))
}

export function only(root: Element, namespace: string, localName: string): Element | undefined {
  const found = elements(root, namespace, localName)
  return found.length === 1 ? found[0] : undefined
}

function childElements(element: Element): Element[] {
  return Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1)
}

/** bt:Image / bt:Url / bt:String resources by id, with the kind of collection they sit in. */
export function resources(root: Element): Map<string, { kind: string; value: string }[]> {
  const byId = new Map<string, { kind: string; value: string }[]>()
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
    for (const collection of elements(root, NS.bt, kind)) {
      for (const item of childElements(collection)) {
        const id = item.getAttribute('id') ?? ''
        const list = byId.get(id) ?? []
        list.push({ kind, value: item.getAttribute('DefaultValue') ?? '' })
        byId.set(id, list)
      }
    }
  }
  return byId
}

/** The resource kind a `resid` must point to, from the element that carries it. */
function expectedKind(element: Element): string {
  const name = element.localName ?? ''
  if (name === 'Image') return 'Images'
  if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(name)) return 'Urls'
  if (name === 'Description' || name === 'Tooltip') return 'LongStrings'
  return 'ShortStrings'
}

/** Every broken rule, as French sentences; an empty list for a manifest Office would accept. */
export function manifestProblems(xml: string, origin: string): string[] {
  const problems: string[] = []
  const root = parseManifest(xml)
  const text = (ns: string, name: string) => only(root, ns, name)?.textContent?.trim() ?? ''
  const attribute = (ns: string, name: string, attr: string) =>
    only(root, ns, name)?.getAttribute(attr) ?? ''

  if (root.localName !== 'OfficeApp' || root.namespaceURI !== NS.app)
    problems.push('racine OfficeApp attendue')
  if (root.getAttributeNS(NS.xsi, 'type') !== 'TaskPaneApp')
    problems.push('xsi:type TaskPaneApp attendu')
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(NS.app, 'Id')))
    problems.push('Id : GUID attendu')
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(text(NS.app, 'Version')))
    problems.push('Version : quatre nombres attendus (1.0.0.0)')
  if (text(NS.app, 'DefaultLocale') !== 'fr-FR') problems.push('DefaultLocale fr-FR attendue')

  const hosts = elements(root, NS.app, 'Host').map((h) => h.getAttribute('Name'))
  if (hosts.join() !== 'Workbook') problems.push('un seul hôte attendu : Workbook')
  const sharedRuntime = elements(root, NS.app, 'Set').filter(
    (s) => s.getAttribute('Name') === 'SharedRuntime' && s.getAttribute('MinVersion') === '1.1'
  )
  if (sharedRuntime.length !== 1) problems.push('exigence SharedRuntime 1.1 attendue')

  // The shared runtime: one long-lived Runtime, first child of its Host, whose resid is also the
  // custom functions' Page, the FunctionFile and the task pane's page (Microsoft, shared runtime).
  const runtimes = elements(root, NS.overrides, 'Runtime')
  const runtime = runtimes[0]
  if (runtimes.length !== 1 || runtime?.getAttribute('lifetime') !== 'long')
    problems.push('un seul Runtime lifetime="long" attendu')
  const runtimeResid = runtime?.getAttribute('resid') ?? ''
  const host = runtime?.parentNode?.parentNode as Element | null | undefined
  if (host === null || host === undefined || childElements(host)[0]?.localName !== 'Runtimes')
    problems.push('Runtimes doit être le premier enfant de Host')
  const functions = elements(root, NS.overrides, 'ExtensionPoint').filter(
    (e) => e.getAttributeNS(NS.xsi, 'type') === 'CustomFunctions'
  )
  const extension = functions[0]
  if (functions.length !== 1 || extension === undefined) {
    problems.push('un point d’extension CustomFunctions attendu')
  } else {
    const resid = (name: string) =>
      elements(extension, NS.overrides, name)[0]
        ?.getElementsByTagNameNS(NS.overrides, 'SourceLocation')[0]
        ?.getAttribute('resid') ?? ''
    if (resid('Page') !== runtimeResid)
      problems.push('la Page des fonctions doit avoir le resid du Runtime')
    const resourceValue = (id: string) => resources(root).get(id)?.[0]?.value ?? ''
    if (!resourceValue(resid('Script')).endsWith('/functions.js'))
      problems.push('Script : URL de functions.js attendue')
    if (!resourceValue(resid('Metadata')).endsWith('/functions.json'))
      problems.push('Metadata : URL de functions.json attendue')
    const namespace = elements(extension, NS.overrides, 'Namespace')[0]?.getAttribute('resid') ?? ''
    if (resourceValue(namespace) !== 'ACI') problems.push('espace de noms ACI attendu')
  }
  if (attribute(NS.overrides, 'FunctionFile', 'resid') !== runtimeResid)
    problems.push('FunctionFile doit avoir le resid du Runtime')
  for (const action of elements(root, NS.overrides, 'Action')) {
    if (action.getAttributeNS(NS.xsi, 'type') !== 'ShowTaskpane') continue
    const location = action.getElementsByTagNameNS(NS.overrides, 'SourceLocation')[0]
    if (location?.getAttribute('resid') !== runtimeResid)
      problems.push('le volet doit s’ouvrir sur la page du Runtime')
    if (action.getElementsByTagNameNS(NS.overrides, 'TaskpaneId').length > 0)
      problems.push('pas de TaskpaneId dans un runtime partagé')
  }
  const taskpaneUrl = resources(root).get(runtimeResid)?.[0]?.value ?? ''
  if (!taskpaneUrl.endsWith('/taskpane.html'))
    problems.push('Runtime : URL de taskpane.html attendue')
  if (attribute(NS.app, 'SourceLocation', 'DefaultValue') !== taskpaneUrl)
    problems.push('DefaultSettings doit pointer sur la page du Runtime')

  // Every resid defined once, of the right kind; every resource used.
  const defined = resources(root)
  for (const [id, list] of defined) {
    if (list.length !== 1) problems.push(`ressource ${id} définie ${list.length} fois`)
  }
  const used = new Set<string>()
  for (const element of Array.from(root.getElementsByTagName('*'))) {
    const resid = element.getAttribute('resid')
    if (resid === null) continue
    used.add(resid)
    const found = defined.get(resid)
    if (found === undefined) problems.push(`resid ${resid} (${element.localName}) non défini`)
    else if (found[0]?.kind !== expectedKind(element))
      problems.push(`resid ${resid} : ressource ${expectedKind(element)} attendue`)
  }
  for (const id of defined.keys()) {
    if (!used.has(id)) problems.push(`ressource ${id} jamais utilisée`)
  }
  for (const override of Array.from(root.getElementsByTagName('*')).filter(
    (e) => e.localName === 'Override'
  )) {
    if (override.namespaceURI !== NS.bt) problems.push('Override sans le préfixe bt:')
  }

  // Strings within Office's limits.
  for (const [id, [entry]] of defined) {
    if (entry?.kind === 'ShortStrings' && entry.value.length > 125)
      problems.push(`${id} : 125 caractères au plus`)
    if (entry?.kind === 'LongStrings' && entry.value.length > 250)
      problems.push(`${id} : 250 caractères au plus`)
  }
  if (attribute(NS.app, 'Description', 'DefaultValue').length > 250)
    problems.push('Description : 250 caractères au plus')

  // Every URL on https, and on the origin the add-in is served from.
  const urls = [
    attribute(NS.app, 'IconUrl', 'DefaultValue'),
    attribute(NS.app, 'HighResolutionIconUrl', 'DefaultValue'),
    attribute(NS.app, 'SupportUrl', 'DefaultValue'),
    attribute(NS.app, 'SourceLocation', 'DefaultValue'),
    ...elements(root, NS.app, 'AppDomain').map((d) => d.textContent?.trim() ?? ''),
    ...[...defined.values()]
      .flat()
      .filter((r) => r.kind === 'Images' || r.kind === 'Urls')
      .map((r) => r.value),
  ]
  for (const url of urls) {
    if (!url.startsWith('https://')) problems.push(`URL non https : ${url}`)
    else if (url !== origin && !url.startsWith(`${origin}/`))
      problems.push(`URL hors de ${origin} : ${url}`)
  }

  // Icons at the sizes Office asks for, each file named after its size.
  const iconSizeOf = (url: string) => /\/icon-(\d+)\.png$/.exec(url)?.[1]
  if (iconSizeOf(attribute(NS.app, 'IconUrl', 'DefaultValue')) !== '32')
    problems.push('IconUrl : icône 32 px attendue')
  if (iconSizeOf(attribute(NS.app, 'HighResolutionIconUrl', 'DefaultValue')) !== '64')
    problems.push('HighResolutionIconUrl : icône 64 px attendue')
  for (const icon of elements(root, NS.overrides, 'Icon')) {
    const images = Array.from(icon.getElementsByTagNameNS(NS.bt, 'Image'))
    const sizes = images.map((i) => i.getAttribute('size')).join()
    if (sizes !== '16,32,80') problems.push(`Icon : tailles 16, 32 et 80 attendues, vu ${sizes}`)
    for (const image of images) {
      const url = defined.get(image.getAttribute('resid') ?? '')?.[0]?.value ?? ''
      if (iconSizeOf(url) !== image.getAttribute('size'))
        problems.push(`icône ${image.getAttribute('size')} px : fichier ${url}`)
    }
  }
  return problems
}

/** Every icon file the manifest names, as paths relative to the origin. */
export function iconPaths(xml: string, origin: string): string[] {
  const root = parseManifest(xml)
  const urls = [
    only(root, NS.app, 'IconUrl')?.getAttribute('DefaultValue') ?? '',
    only(root, NS.app, 'HighResolutionIconUrl')?.getAttribute('DefaultValue') ?? '',
    ...[...resources(root).values()]
      .flat()
      .filter((r) => r.kind === 'Images')
      .map((r) => r.value),
  ]
  return [...new Set(urls.map((url) => url.slice(origin.length + 1)))].sort()
}
