// The order of a report's findings: severity, code, base, section, line, professional, message, compared field by field.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBudget, SECTIONS } from '../../shared'
import { compareFindings, FINDING_CODES, type Finding } from '../../shared/budget/findings'
import { budget } from './support/arbitraries'

/**
 * The order as one key per finding: its fields joined by NUL, the message last. For texts with
 * no NUL, comparing the keys is comparing the fields one after the other.
 */
function key(f: Finding): string {
  const rank = { error: 0, warning: 1, info: 2 }[f.severity]
  const section = f.section === null ? 9 : SECTIONS.indexOf(f.section)
  const line = f.ligne === null ? '' : `${f.ligne.compte}\0${f.ligne.libelle}\0${f.ligne.montant}`
  return `${rank}\0${f.code}\0${f.base ?? ''}\0${section}\0${line}\0${f.beneficiaire ?? ''}\0${f.message}`
}

const byKey = (a: Finding, b: Finding) => {
  const [x, y] = [key(a), key(b)]
  return x < y ? -1 : x > y ? 1 : 0
}

// Few values per field, so that findings often tie on the first ones and the later ones decide.
const text = fc.constantFrom('', 'a', 'ab', 'b', 'Loyer', 'Loyer du bureau', 'é', 'Z')
const finding: fc.Arbitrary<Finding> = fc.record({
  code: fc.constantFrom(...FINDING_CODES.slice(0, 4)),
  severity: fc.constantFrom('error', 'warning', 'info'),
  base: fc.constantFrom(undefined, 'realise' as const),
  section: fc.constantFrom(null, ...SECTIONS.slice(0, 3)),
  ligne: fc.option(
    fc.record({
      compte: fc.constantFrom('6', '61', '6132', '7'),
      libelle: text,
      montant: fc.constantFrom('1.00', '10.00', '2.50'),
    }),
    { nil: null }
  ),
  beneficiaire: fc.option(text, { nil: null }),
  amounts: fc.constant({}),
  message: text,
  source: fc.constant('source'),
})

describe('ordre des constats', () => {
  it('is the order of their fields, one after the other, the message last', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
        expect([...findings].sort(compareFindings)).toStrictEqual([...findings].sort(byKey))
      }),
      { numRuns: 500 }
    )
  })

  it('puts the findings on no line before those on a line, and sections in their order', () => {
    const [onLine, onNone, otherSection] = [
      { ligne: { compte: '6', libelle: 'a', montant: '1.00' }, section: 'acces' },
      { ligne: null, section: 'acces' },
      { ligne: null, section: 'fonctionnement' },
    ].map(
      (f) =>
        ({
          code: 'CLE-SOMME',
          severity: 'error',
          beneficiaire: null,
          amounts: {},
          message: 'm',
          source: 's',
          ...f,
        }) as Finding
    ) as [Finding, Finding, Finding]
    expect([onLine, onNone, otherSection].sort(compareFindings)).toEqual([
      otherSection,
      onNone,
      onLine,
    ])
  })

  it('orders every report this way', () => {
    fc.assert(
      fc.property(budget, (doc) => {
        const { findings } = checkBudget(doc)
        expect([...findings].sort(byKey)).toStrictEqual(findings)
      }),
      { numRuns: 200 }
    )
  })
})
