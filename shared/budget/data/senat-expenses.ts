// The expenses the Sénat names as questionable, as versioned word lists matched against the lines' labels.
import * as v from 'valibot'
import { normalizeWords } from '../../text'
import { dataError, dataHeader, parseDataFile, type Source, text } from '../data-file'
import senatFile from './depenses-senat.json'

const expression = v.pipe(
  v.string('expression attendue'),
  v.regex(/^[a-z]+( [a-z]+)*$/, 'expression en minuscules sans accents, mots séparés d’une espace')
)

const listSchema = v.strictObject({
  raison: text,
  expressions: v.array(expression),
  comptes: v.array(v.pipe(v.string(), v.regex(/^[67]\d{1,7}$/, 'compte de classe 6 ou 7 attendu'))),
})

/** The schema of the file, built when a file is loaded (never when this module is). */
export function questionableSchema() {
  return v.strictObject({
    ...dataHeader,
    loisirs: listSchema,
    immobilier: listSchema,
  })
}

export interface QuestionableList {
  /** The cheap first pass: whether the raw label may hold an expression of the list. */
  readonly prefilter: RegExp | undefined
  /** Why the Sénat questions it, in French, for the message. */
  readonly raison: string
  /** The expression of the list found in a label, or undefined. */
  match(label: string): string | undefined
  /** Whether an account (or one it subdivides) is on the list. */
  hasAccount(numero: string): boolean
}

export interface QuestionableExpenses {
  /** Whether a raw label may hold an expression of either list: most labels stop here. */
  mayMatch(label: string): boolean
  readonly id: string
  readonly title: string
  readonly source: Source
  readonly sha256: string
  readonly loisirs: QuestionableList
  readonly immobilier: QuestionableList
}

const ACCENTED: Record<string, string> = {
  a: '[aàâä]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîï]',
  o: '[oôö]',
  u: '[uùûü]',
  y: '[yÿ]',
}

/**
 * The characters normalizeWords reads as part of a word (a-z, 0-9 once accents are dropped and
 * case folded): those of French, with their capitals (the expressions are matched ignoring case).
 * Any other character ends a word in the first pass as it does in the comparison; a rarer accented
 * letter (á, ñ) is taken as a word's end there, which only lets more labels through.
 */
const WORD_CHARS = 'a-z0-9àâäçéèêëîïôöùûüÿ'

/** The last label split into normalized words, shared by the two lists: both look at each label. */
let lastLabel: string | undefined
let lastWords: string[] = []

function wordsOf(label: string): string[] {
  if (label !== lastLabel) {
    lastWords = normalizeWords(label)
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '')
    lastLabel = label
  }
  return lastWords
}

/** Words sharing their first letters, as a tree: each node a letter, marked where a word ends. */
interface Letters {
  end: boolean
  readonly next: Map<string, Letters>
}

/**
 * The first pass's pattern for a set of words: any of them, whole, with or without accents. The
 * words are written as a tree (« sport », « sports », « sportif » share « sport »), so that at each
 * position of a label one branch is tried per letter rather than every word; nothing of a word
 * may come before it, tested after its first letter (a pattern that starts with the test would be
 * tried at every position of every label); nothing of a word may come after it. The same labels
 * pass as with the words side by side: a regular expression and its tree match the same texts.
 */
function wordsPattern(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined
  const root: Letters = { end: false, next: new Map() }
  for (const word of words) {
    let node = root
    for (const letter of word) {
      let child = node.next.get(letter)
      if (child === undefined) {
        child = { end: false, next: new Map() }
        node.next.set(letter, child)
      }
      node = child
    }
    node.end = true
  }
  const source = (node: Letters, first: boolean): string => {
    const branches = [...node.next].map(([letter, child]) => {
      const c = ACCENTED[letter] ?? letter
      return (first ? `${c}(?<![${WORD_CHARS}]${c})` : c) + source(child, false)
    })
    if (branches.length === 0) return ''
    const any = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`
    return node.end ? `(?:${any})?` : any
  }
  return new RegExp(`${source(root, true)}(?![${WORD_CHARS}])`, 'i')
}

/** The first word of each expression, once each. */
function firstWordsOf(phrases: readonly (readonly string[])[]): string[] {
  return [...new Set(phrases.map((p) => p[0] as string))]
}

function loadList(
  id: string,
  name: string,
  data: v.InferOutput<typeof listSchema>
): QuestionableList {
  const phrases = data.expressions.map((e) => e.split(' '))
  if (new Set(data.expressions).size !== data.expressions.length) {
    throw dataError(id, `${name} : expression en double.`)
  }
  // A cheap first pass on the raw label: the first word of some expression, whole, with or
  // without accents, any case. Only labels it lets through are normalized and compared word by
  // word. A word ends where normalizeWords would end it: at anything but a letter or digit
  // that it reads as a-z or 0-9 (« concertation » does not hold « concert », nor « prêtée » « prêt »).
  const prefilter = wordsPattern(firstWordsOf(phrases))
  const byFirstWord = new Map<string, string[][]>()
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const first = phrase[0] as string
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), phrase])
  }
  const accounts = new Set(data.comptes)
  const listed = new Map<string, boolean>()
  return {
    raison: data.raison,
    prefilter,
    match(label: string): string | undefined {
      if (prefilter === undefined || !prefilter.test(label)) return undefined
      const words = wordsOf(label)
      // The first match in the label, the longest phrase first when several start on the same word.
      for (let start = 0; start < words.length; start++) {
        for (const phrase of byFirstWord.get(words[start] as string) ?? []) {
          if (phrase.every((w, k) => words[start + k] === w)) return phrase.join(' ')
        }
      }
      return undefined
    },
    hasAccount(numero: string): boolean {
      let found = listed.get(numero)
      if (found === undefined) {
        found = false
        for (let length = numero.length; length >= 2 && !found; length--) {
          found = accounts.has(numero.slice(0, length))
        }
        if (listed.size < 10_000) listed.set(numero, found)
      }
      return found
    },
  }
}

/** Checks the word-list file and prepares its matchers. */
export function loadQuestionable(raw: unknown): QuestionableExpenses {
  const { data, sha256 } = parseDataFile(questionableSchema(), raw)
  const loisirs = loadList(data.id, 'loisirs', data.loisirs)
  const immobilier = loadList(data.id, 'immobilier', data.immobilier)
  // Both lists' first words in one tree: one pass over each label for the two lists.
  const either = wordsPattern(
    firstWordsOf(
      [...data.loisirs.expressions, ...data.immobilier.expressions].map((e) => e.split(' '))
    )
  )
  return {
    mayMatch: (label) => either?.test(label) ?? false,
    id: data.id,
    title: data.title,
    source: data.source,
    sha256,
    loisirs,
    immobilier,
  }
}

let bundled: QuestionableExpenses | undefined

/** The Sénat's lists shipped with the product, loaded and checked once. */
export function bundledQuestionable(): QuestionableExpenses {
  bundled ??= loadQuestionable(senatFile)
  return bundled
}
