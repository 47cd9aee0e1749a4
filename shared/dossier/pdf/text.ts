// Text for the PDF's standard fonts: WinAnsi (Windows-1252) has é, à, ç, œ, € and the no-break space, not the narrow one French digits are grouped with.
import { Decimal, formatEuros, frenchDate } from '../../index'

/** The characters WinAnsi has beyond Latin-1 (bytes 0x80–0x9F of Windows-1252). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'

function encodable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.includes(String.fromCharCode(code))
  )
}

/**
 * Characters the product's own texts use that WinAnsi lacks, each drawn as its nearest WinAnsi
 * form on purpose. U+202F, the narrow no-break space of French digit groups (Intl fr-FR and
 * formatEuros), becomes U+00A0: still a space that never breaks a line inside an amount.
 */
export const WIN_ANSI_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u2260': '!=',
  '\t': ' ',
}

/**
 * A text the standard fonts can draw, every character kept or deliberately mapped: the
 * replacements above, then a Latin letter with an accent WinAnsi lacks without its accent
 * (ă → a), then « ? » for what remains (a name in another script), never a character dropped.
 */
export function toWinAnsi(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number
    if (encodable(code)) {
      out += char
      continue
    }
    const mapped = WIN_ANSI_REPLACEMENTS[char]
    if (mapped !== undefined) {
      out += mapped
      continue
    }
    if (char === '\n' || char === '\r') {
      out += ' '
      continue
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    out +=
      base !== char && [...base].every((c) => encodable(c.codePointAt(0) as number)) ? base : '?'
  }
  return out
}

/** "12500.00" → "12 500,00 €" (narrow spaces, mapped when drawn). */
export function euros(amount: string | null): string {
  return amount === null ? '—' : formatEuros(new Decimal(amount))
}

/** "87.50" → "87,50 %". */
export function percent(value: string | null): string {
  return value === null ? '—' : `${value.replace('.', ',')}\u00a0%`
}

/** "0.8" → "80 %". */
export function rate(value: string | null): string {
  if (value === null) return '—'
  const p = new Decimal(value).times(100).toDecimalPlaces(2)
  return `${p.toFixed().replace('.', ',')}\u00a0%`
}

export function date(iso: string): string {
  return frenchDate(iso)
}
