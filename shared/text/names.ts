// One person, however the name is typed: a grouping key for names and identifiers (invisible characters, case, accents, spaces, look-alike letters folded) and the scripts a name mixes.

/**
 * Letters of other scripts that are drawn like a Latin letter, and that Latin letter: the
 * Cyrillic and Greek rows of Unicode's confusables (UTS #39, « Unicode Security Mechanisms »,
 * confusables.txt), kept to letters, upper and lower case apart as they are drawn. A name that
 * differs from another only by these letters is the same name on screen, so it is the same
 * person for the PASS ceiling (art. D. 1434-44 CSP): grouping too much is a false alarm a
 * treasurer can read, grouping too little hides an overrun.
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic capitals
  ['А', 'A'],
  ['В', 'B'],
  ['Е', 'E'],
  ['Ѕ', 'S'],
  ['І', 'I'],
  ['Ј', 'J'],
  ['К', 'K'],
  ['М', 'M'],
  ['Н', 'H'],
  ['О', 'O'],
  ['Р', 'P'],
  ['С', 'C'],
  ['Т', 'T'],
  ['У', 'Y'],
  ['Ү', 'Y'],
  ['Х', 'X'],
  ['Ԛ', 'Q'],
  ['Ԝ', 'W'],
  ['Ӏ', 'I'],
  // Cyrillic small letters
  ['а', 'a'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['у', 'y'],
  ['ү', 'y'],
  ['х', 'x'],
  ['ѕ', 's'],
  ['і', 'i'],
  ['ј', 'j'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['ӏ', 'l'],
  // Greek capitals
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
  // Greek small letters
  ['α', 'a'],
  ['ι', 'i'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['ν', 'v'],
  ['υ', 'u'],
  ['γ', 'y'],
  ['χ', 'x'],
  // Latin letters that decomposition leaves apart from their plain form
  ['ı', 'i'],
  ['Œ', 'OE'],
  ['œ', 'oe'],
  ['Æ', 'AE'],
  ['æ', 'ae'],
])

const LOOKALIKE_PATTERN = new RegExp(`[${[...LOOKALIKES.keys()].join('')}]`, 'gu')

/** Format characters (Unicode category Cf): zero-width space and joiners, soft hyphen, BOM, direction marks. */
const FORMAT = /\p{Cf}/gu
/** Non-spacing marks: the accents decomposition separates from their letter. */
const MARKS = /\p{Mn}/gu
/** Anything that is not a letter or a digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu

/** The scripts told apart in a name; the Chinese, Japanese and Korean scripts count as one. */
export type Ecriture =
  | 'latin'
  | 'cyrillique'
  | 'grec'
  | 'armenien'
  | 'hebreu'
  | 'arabe'
  | 'cherokee'
  | 'asie-est'
  | 'autre'

const SCRIPT_TESTS: readonly (readonly [Ecriture, RegExp])[] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillique', /\p{Script=Cyrillic}/u],
  ['grec', /\p{Script=Greek}/u],
  ['armenien', /\p{Script=Armenian}/u],
  ['hebreu', /\p{Script=Hebrew}/u],
  ['arabe', /\p{Script=Arabic}/u],
  ['cherokee', /\p{Script=Cherokee}/u],
  ['asie-est', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
]

export const ECRITURE_LABELS: Readonly<Record<Ecriture, string>> = {
  latin: 'latin',
  cyrillique: 'cyrillique',
  grec: 'grec',
  armenien: 'arménien',
  hebreu: 'hébreu',
  arabe: 'arabe',
  cherokee: 'cherokee',
  'asie-est': 'chinois, japonais ou coréen',
  autre: 'autre écriture',
}

/** What reading a name found. */
export interface NameReading {
  /** The grouping key: two names with the same key are one person. */
  readonly key: string
  /** The scripts of its letters, in order of first appearance. */
  readonly scripts: readonly Ecriture[]
  /** Letters of more than one script (« Mаrtin » with a Cyrillic а): a warning of its own. */
  readonly mixedScripts: boolean
  /** How many format characters (zero-width space, soft hyphen…) the name carried. */
  readonly invisibles: number
}

function scriptOf(letter: string): Ecriture {
  for (const [script, test] of SCRIPT_TESTS) if (test.test(letter)) return script
  return 'autre'
}

/** The scripts of a name's letters (digits, spaces and punctuation belong to none), in order of first appearance. */
export function nameScripts(text: string): Ecriture[] {
  const scripts: Ecriture[] = []
  for (const char of text.normalize('NFKC')) {
    if (!/\p{L}/u.test(char)) continue
    const script = scriptOf(char)
    if (!scripts.includes(script)) scripts.push(script)
  }
  return scripts
}

/**
 * The grouping key of a name or identifier. In order: Unicode NFKC (full-width letters,
 * ligatures, no-break spaces made plain), format characters removed, accents removed, look-alike
 * letters of other scripts read as the Latin letter they are drawn like, case folded (ß → ss),
 * then every run of spaces, dashes, apostrophes and other punctuation made one space.
 *
 * @example nameKey(' Dr  Jean-Éric\u200b MARTIN ') // "dr jean eric martin"
 * @example nameKey('Mаrtin') // "martin" (the second letter is Cyrillic)
 */
export function nameKey(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(FORMAT, '')
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(LOOKALIKE_PATTERN, (letter) => LOOKALIKES.get(letter) ?? letter)
      // Lower, upper, lower: ẞ and ß both end as ss, so the key of a key is itself.
      .toLowerCase()
      .toUpperCase()
      .toLowerCase()
      .normalize('NFD')
      .replace(MARKS, '')
      // Case folding makes lookalikes of its own (Γ → γ): they are replaced once more.
      .replace(LOOKALIKE_PATTERN, (letter) => LOOKALIKES.get(letter) ?? letter)
      .toLowerCase()
      .replace(SEPARATORS, ' ')
      .trim()
  )
}

/** The key of a name with what a reader should be told about it: mixed scripts, invisible characters. */
export function readName(text: string): NameReading {
  const scripts = nameScripts(text)
  return {
    key: nameKey(text),
    scripts,
    mixedScripts: scripts.length > 1,
    invisibles: text.normalize('NFKC').match(FORMAT)?.length ?? 0,
  }
}

/** Are these two names one person for grouping? */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b)
}
