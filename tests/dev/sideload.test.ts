// What npm run sideload changes on each OS, as Microsoft documents sideloading for Excel on Windows and on Mac.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { addinIdOf, sideloadPlan } from '../../addin/dev/sideload-plan'

const MANIFEST = readFileSync(path.resolve(import.meta.dirname, '../../manifest.xml'), 'utf8')
const ID = '6617420d-00ae-49ce-af8d-cc4986759d61'

describe('npm run sideload', () => {
  it('lit l’identifiant du complément dans le manifeste', () => {
    expect(addinIdOf(MANIFEST)).toBe(ID)
    expect(() => addinIdOf('<OfficeApp></OfficeApp>')).toThrow(/<Id>/)
  })

  it('inscrit le manifeste sous la clé Developer du registre pour Excel sous Windows', () => {
    expect(
      sideloadPlan('win32', 'C:\\Users\\tresorier', 'C:\\aci\\addin\\dist\\manifest.xml', ID)
    ).toEqual({
      kind: 'registry',
      key: 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer',
      name: ID,
      manifest: 'C:\\aci\\addin\\dist\\manifest.xml',
    })
  })

  it('copie le manifeste dans le dossier wef du conteneur d’Excel sur Mac', () => {
    expect(sideloadPlan('darwin', '/Users/tresorier', '/aci/addin/dist/manifest.xml', ID)).toEqual({
      kind: 'copy',
      folder: '/Users/tresorier/Library/Containers/com.microsoft.Excel/Data/Documents/wef',
      target: `/Users/tresorier/Library/Containers/com.microsoft.Excel/Data/Documents/wef/${ID}.manifest.xml`,
      manifest: '/aci/addin/dist/manifest.xml',
    })
  })

  it('renvoie ailleurs vers Excel sur le web, en disant comment', () => {
    const plan = sideloadPlan('linux', '/home/t', '/aci/addin/dist/manifest.xml', ID)
    expect(plan.kind).toBe('unsupported')
    if (plan.kind !== 'unsupported') return
    expect(plan.message).toContain('Charger mon complément')
    expect(plan.message).toContain('/aci/addin/dist/manifest.xml')
  })
})
