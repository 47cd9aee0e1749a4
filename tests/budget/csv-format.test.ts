import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  budgetFromCsv,
  budgetFromJson,
  budgetToCsv,
  Catalog,
  importBudgetCsv,
  importBudgetJson,
} from '../../shared'
import { readCsv, writeCsv } from '../../shared/budget/csv-format'
import aci2019 from '../../shared/rates/aci-2019.json'
import aciAvenant2 from '../../shared/rates/aci-avenant-2.json'
import { fixtureText } from './support/budgets'

/**
 * The reader as RFC 4180 with `;` says it, one character at a time and nothing else: the
 * reference the reader's whole-record shortcut must agree with.
 */
function referenceRead(text: string): {
  records: { at: number; cells: string[] }[]
  unterminatedAt?: number
} {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text
  const records: { at: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let start = 1
  let i = 0
  while (i < source.length) {
    const c = source[i]
    if (c === '"' && cell === '') {
      const quoteLine = line
      i++
      for (;;) {
        if (i >= source.length) return { records, unterminatedAt: quoteLine }
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (source[i] === '\n') line++
        cell += source[i]
        i++
      }
    } else if (c === ';') {
      cells.push(cell)
      cell = ''
      i++
    } else if (c === '\r' || c === '\n') {
      cells.push(cell)
      records.push({ at: start, cells })
      cells = []
      cell = ''
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1
      line++
      start = line
    } else {
      cell += c
      i++
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    records.push({ at: start, cells })
  }
  return { records }
}

/** Text made of the characters that matter to a CSV reader, and a few that do not. */
const csvText = fc
  .array(fc.constantFrom(';', '"', '\r', '\n', '\r\n', 'a', 'é', ' ', '42,50', '""', '\ufeff'), {
    maxLength: 60,
  })
  .map((pieces) => pieces.join(''))

describe('CSV reader', () => {
  it('reads any text as the character-by-character reading does: records, lines, unterminated quote', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        expect(readCsv(text)).toEqual(referenceRead(text))
      }),
      { numRuns: 3000 }
    )
  })

  it('reads any text without quotes as the character-by-character reading does (the whole text cut at once)', () => {
    const withoutQuotes = csvText.map((text) => text.replaceAll('"', ''))
    fc.assert(
      fc.property(withoutQuotes, (text) => {
        expect(readCsv(text)).toEqual(referenceRead(text))
      }),
      { numRuns: 3000 }
    )
    // Over 100 KiB, read a region of lines at a time: records and line numbers run on across them.
    const long = Array.from({ length: 4_000 }, (_, i) =>
      i % 7 === 0 ? '' : `${6000 + i};Ligne n° ${i};${i},50;clés;;;40%;60%;`
    )
    for (const text of [long.join('\r\n'), `${long.join('\n')}\n`]) {
      expect(text.length).toBeGreaterThan(100_000)
      expect(readCsv(text)).toEqual(referenceRead(text))
    }
    // Long records, blank lines, a last line with or without its line break, CRLF or LF.
    const rows = ['6411;Salaire brut;42000,00;clés;;;40%;60%;', '', ';;;', '645;Charges;18900,01']
    for (const end of ['\r\n', '\n']) {
      for (const text of [
        rows.join(end),
        rows.join(end) + end,
        `\ufeff${rows.join(end)}${end}${end}`,
      ]) {
        expect(readCsv(text)).toEqual(referenceRead(text))
      }
    }
  })

  it('reads back what it writes, whatever the cells hold', () => {
    const cell = fc.string({ unit: fc.constantFrom(';', '"', '\r', '\n', ' ', 'a', 'é', '1', ',') })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        (rows) => {
          const records = readCsv(writeCsv(rows)).records
          expect(records.map((r) => r.cells)).toEqual(rows)
        }
      )
    )
  })

  it('gives each record with the line where it starts, and stops at an unterminated quote', () => {
    expect(readCsv('\ufeffa;b\r\n"x\r\ny";c\nlast;"open\n')).toEqual({
      records: [
        { at: 1, cells: ['a', 'b'] },
        { at: 2, cells: ['x\r\ny', 'c'] },
      ],
      unterminatedAt: 4,
    })
  })

  it('writes a row at a time padded to the widest row, quoting what needs it', () => {
    expect(writeCsv([['a', 'b;c', ''], ['x'], [' d', 'e"f']])).toBe(
      '\ufeffa;"b;c";\r\nx;;\r\n" d";"e""f";\r\n'
    )
  })
})

describe('budget CSV blocks', () => {
  const doc = budgetFromJson(fixtureText('cpts-taille-2-aci-avenant-2.json'))
  const csv = budgetToCsv(doc)
  const lines = csv.split('\r\n')
  const startOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix))
  const profilAt = startOf('Profil;')
  const missionsAt = startOf('Missions engagées;')
  const lignesAt = startOf('Compte;')
  const marker = lines.slice(0, profilAt)
  const profil = lines.slice(profilAt, missionsAt)
  const missions = lines.slice(missionsAt, lignesAt)
  const lignes = lines.slice(lignesAt)
  const expected = budgetFromCsv(csv)

  it('reads the blocks in any order, the lines first or between the profile and the missions', () => {
    for (const order of [
      [marker, lignes, profil, missions],
      [marker, profil, lignes, missions],
      [marker, missions, lignes, profil],
    ]) {
      expect(budgetFromCsv(order.flat().join('\r\n'))).toEqual(expected)
    }
  })

  it('keeps the last of two line blocks, as a table header resets its rows', () => {
    const shorter = lignes.slice(0, 2)
    const read = budgetFromCsv([marker, profil, missions, lignes, shorter].flat().join('\r\n'))
    expect(read.lignes).toEqual(expected.lignes.slice(0, 1))
  })

  it('says a cell too many (a semicolon left unquoted) before reading any value of the lines', () => {
    const changed = [...lines]
    changed[lignesAt + 1] = (changed[lignesAt + 1] as string).replace(';clés;', ';;')
    changed[lignesAt + 3] = `${changed[lignesAt + 3]};en trop`
    expect(() => budgetFromCsv(changed.join('\r\n'))).toThrow(
      `ligne ${lignesAt + 4}, colonne ${(lines[lignesAt] as string).split(';').length + 1} : valeur en trop « en trop »`
    )
  })

  it('says an unterminated quote at the line where it opens', () => {
    const changed = [...lines]
    changed[lignesAt + 2] = `"${changed[lignesAt + 2]}`
    expect(() => budgetFromCsv(changed.join('\r\n'))).toThrow(
      `ligne ${lignesAt + 3}, texte entre guillemets : guillemet fermant manquant`
    )
  })
})

describe('budget files read against the caller’s rate tables', () => {
  // A version published after this build, as the task pane downloads and verifies it.
  const later = {
    ...structuredClone(aciAvenant2),
    id: 'aci-avenant-9',
    effectiveDate: '2026-06-01',
  }
  const catalog = Catalog.fromFiles([aci2019, aciAvenant2, later])
  const doc = budgetFromJson(fixtureText('cpts-taille-2-aci-avenant-2.json'))
  const named = { ...doc, profil: { ...doc.profil, version: 'aci-avenant-9' } }

  it('reads a CSV or a JSON naming a version only the caller’s catalog holds', () => {
    expect(budgetFromCsv(budgetToCsv(named), { catalog }).profil.version).toBe('aci-avenant-9')
    expect(budgetFromJson(JSON.stringify(named), { catalog }).profil.version).toBe('aci-avenant-9')
    expect(importBudgetCsv(budgetToCsv(named), { catalog }).budget.profil.version).toBe(
      'aci-avenant-9'
    )
    expect(importBudgetJson(JSON.stringify(named), { catalog }).budget.profil.version).toBe(
      'aci-avenant-9'
    )
  })

  it('refuses it against the build’s tables alone, naming the version', () => {
    expect(() => budgetFromCsv(budgetToCsv(named))).toThrow('aci-avenant-9')
    expect(() => budgetFromJson(JSON.stringify(named))).toThrow('aci-avenant-9')
  })
})
