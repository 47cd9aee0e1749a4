// The mapping rules (règles d’affectation) from the books to the budget's sections: by account or prefix, by journal, by a mark in the entry.
import * as v from 'valibot'
import { SECTIONS, type Section, splitCents } from '../budget'
import { AciError } from '../errors'
import { MISSION_CODES, MISSION_WORDS } from '../missions'
import { normalizeWords } from '../text'
import { pathOf, strict } from '../wire-schemas'
import type { LedgerLine } from './fec'

/**
 * The rules are their own document, kept beside the budget (the pane stores both in the workbook):
 * the budget document's schema is strict and is not extended for them.
 */
function buildRulesSchema() {
  const sectionSchema = v.picklist(SECTIONS, `section attendue : ${SECTIONS.join(', ')}`)
  const part = strict(
    {
      section: sectionSchema,
      pourcentage: v.pipe(
        v.string('pourcentage attendu sous forme de texte décimal, par exemple "40"'),
        v.regex(
          /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/,
          'pourcentage attendu : de 0 à 100 avec un point décimal et au plus quatre décimales'
        )
      ),
    },
    'clé (section, pourcentage)'
  )
  const regle = strict(
    {
      compte: v.optional(
        v.pipe(
          v.string('compte ou début de compte attendu, par exemple "6411"'),
          v.regex(/^\d{1,12}$/, 'compte ou début de compte attendu : 1 à 12 chiffres'),
          v.description('Compte ou début de compte (préfixe) : 6411 couvre 641100, 6411200…')
        )
      ),
      journal: v.optional(
        v.pipe(
          v.string('code journal attendu'),
          v.regex(/^\S{1,20}$/, 'code journal attendu, sans espace'),
          v.description('Code du journal (JournalCode du FEC).')
        )
      ),
      marque: v.optional(
        v.pipe(
          v.string('marque attendue, par exemple "[PARCOURS]"'),
          v.regex(/^[^\r\n\t|]*\S[^\r\n\t|]*$/, 'marque attendue : un texte non vide'),
          v.maxLength(60, 'marque : 60 caractères au plus'),
          v.description(
            'Texte cherché dans le libellé de l’écriture ou la référence de pièce (casse et accents ignorés).'
          )
        )
      ),
      section: v.optional(sectionSchema),
      cles: v.optional(
        v.pipe(
          v.array(part, 'liste de clés attendue'),
          v.minLength(1, 'au moins une clé attendue'),
          v.maxLength(SECTIONS.length, `${SECTIONS.length} clés au plus`)
        )
      ),
      libelle: v.optional(v.pipe(v.string(), v.maxLength(300, 'libellé : 300 caractères au plus'))),
    },
    'règle d’affectation'
  )
  return strict(
    {
      $schema: v.optional(v.string()),
      marquesSections: v.optional(
        v.pipe(
          v.boolean('marquesSections : true ou false'),
          v.description(
            'Une section entre crochets dans le libellé ou la pièce ([PARCOURS], [ACCES], [FONCTIONNEMENT], [HORS ACI]…) affecte la ligne à cette section (défaut : true).'
          )
        )
      ),
      regles: v.array(regle, 'liste des règles attendue'),
    },
    'règles d’affectation'
  )
}

/** The mapping rules document. */
export const mappingRulesSchema = /* @__PURE__ */ buildRulesSchema()
export type MappingRulesDocument = v.InferOutput<typeof mappingRulesSchema>
export type MappingRule = MappingRulesDocument['regles'][number]

/** What decided a line's sections. */
export type AffectationSource =
  | { readonly kind: 'regle'; readonly index: number }
  | { readonly kind: 'marque'; readonly section: Section }

/** Percent text with at most four decimals → an integer, 1 000 000 being 100 %. */
function keyOf(text: string): number {
  const [whole, fraction = ''] = text.split('.')
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'))
}

interface CompiledRule {
  readonly index: number
  readonly compte: string | undefined
  readonly journal: string | undefined
  readonly marque: string | undefined
  /** Section indices and their weights (one section: weight 1). */
  readonly sections: readonly number[]
  readonly weights: readonly number[]
  readonly score: number
}

function rulesError(argument: string, message: string): AciError {
  return new AciError('regles_invalides', `${argument} : ${message}`, argument)
}

/** The rules document checked: shapes, then one criterion at least, one target, keys making 100 %. */
export function parseMappingRules(input: unknown): MappingRulesDocument {
  const result = v.safeParse(mappingRulesSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    throw rulesError(pathOf(issue, 'regles'), `${issue.message}.`)
  }
  result.output.regles.forEach((r, i) => {
    const at = `regles[${i}]`
    if (r.compte === undefined && r.journal === undefined && r.marque === undefined) {
      throw rulesError(at, 'une règle dit à quoi elle s’applique : compte, journal ou marque.')
    }
    if ((r.section === undefined) === (r.cles === undefined)) {
      throw rulesError(at, 'une règle donne soit une section, soit des clés de répartition.')
    }
    if (r.cles !== undefined) {
      const seen = new Set<string>()
      let total = 0
      for (const [j, c] of r.cles.entries()) {
        if (seen.has(c.section)) {
          throw rulesError(`${at}.cles[${j}].section`, `section ${c.section} citée deux fois.`)
        }
        seen.add(c.section)
        total += keyOf(c.pourcentage)
      }
      if (total !== 1_000_000) {
        throw rulesError(
          `${at}.cles`,
          `les clés font ${(total / 10_000).toString().replace('.', ',')} % au lieu de 100 %.`
        )
      }
    }
  })
  return result.output
}

/** Words of a mark in brackets → its section: codes, labels and the usual names of the missions. */
function markWords(): Map<string, Section> {
  const words = new Map<string, Section>()
  for (const s of SECTIONS) words.set(normalizeWords(s), s)
  words.set('fonc', 'fonctionnement')
  words.set('hors aci', 'hors_aci')
  words.set('horsaci', 'hors_aci')
  for (const m of MISSION_CODES) {
    words.set(normalizeWords(MISSION_WORDS[m].label), m)
    for (const alias of MISSION_WORDS[m].aliases) words.set(normalizeWords(alias), m)
  }
  return words
}

const MARK = /\[([^\][]{2,60})\]/g

/**
 * The rules compiled for many lines. Which rule wins when several match, most specific first:
 * a rule with a mark (the entry itself says where it goes), then a section mark in brackets (with
 * `marquesSections`), then a rule with a journal, then one with only an account — the longest
 * prefix first; rules combining criteria need all of them and rank by the strongest one plus the
 * others; at equal rank, the first in the list.
 */
export class Affectation {
  private readonly rules: readonly CompiledRule[]
  private readonly marks: Map<string, Section> | undefined
  private readonly hasMarkRules: boolean
  /** Lines without marks are decided by account and journal only: remembered per pair. */
  private readonly cache = new Map<string, CompiledRule | null>()

  constructor(readonly document: MappingRulesDocument) {
    this.rules = document.regles
      .map((r, index): CompiledRule => {
        const sections =
          r.section !== undefined
            ? [SECTIONS.indexOf(r.section)]
            : (r.cles ?? []).map((c) => SECTIONS.indexOf(c.section))
        const weights =
          r.section !== undefined ? [1] : (r.cles ?? []).map((c) => keyOf(c.pourcentage))
        const score =
          (r.marque === undefined ? 0 : 4000) +
          (r.journal === undefined ? 0 : 1000) +
          (r.compte === undefined ? 0 : 100 + r.compte.length)
        return {
          index,
          compte: r.compte,
          journal: r.journal?.toUpperCase(),
          marque: r.marque === undefined ? undefined : normalizeWords(r.marque),
          sections,
          weights,
          score,
        }
      })
      .sort((a, b) => b.score - a.score || a.index - b.index)
    this.marks = document.marquesSections === false ? undefined : markWords()
    this.hasMarkRules = this.rules.some((r) => r.marque !== undefined)
  }

  private matches(r: CompiledRule, line: LedgerLine, text: string | undefined): boolean {
    if (r.compte !== undefined && !line.compte.startsWith(r.compte)) return false
    if (r.journal !== undefined && line.journal.toUpperCase() !== r.journal) return false
    if (r.marque !== undefined && (text === undefined || !text.includes(r.marque))) return false
    return true
  }

  private markOf(line: LedgerLine): Section | undefined {
    if (this.marks === undefined) return undefined
    for (const field of [line.libelle, line.pieceRef]) {
      if (!field.includes('[')) continue
      for (const m of field.matchAll(MARK)) {
        const section = this.marks.get(normalizeWords(m[1] as string))
        if (section !== undefined) return section
      }
    }
    return undefined
  }

  /**
   * A line's amount (cents, positive = spent for a charge, received for a produit) by section,
   * in SECTIONS order, and what decided it; undefined when nothing maps it (« non affecté »).
   */
  split(
    line: LedgerLine,
    cents: number
  ): { parts: Map<number, number>; source: AffectationSource } | undefined {
    const text = this.hasMarkRules ? normalizeWords(`${line.libelle} ${line.pieceRef}`) : undefined
    let rule: CompiledRule | undefined
    if (text !== undefined) {
      rule = this.rules.find((r) => r.marque !== undefined && this.matches(r, line, text))
    }
    if (rule === undefined) {
      const section = this.markOf(line)
      if (section !== undefined) {
        return {
          parts: new Map([[SECTIONS.indexOf(section), cents]]),
          source: { kind: 'marque', section },
        }
      }
      const key = `${line.compte}\u0000${line.journal}`
      const cached = this.cache.get(key)
      if (cached === undefined) {
        rule = this.rules.find((r) => r.marque === undefined && this.matches(r, line, undefined))
        this.cache.set(key, rule ?? null)
      } else {
        rule = cached ?? undefined
      }
    }
    if (rule === undefined) return undefined
    const parts = new Map<number, number>()
    if (rule.sections.length === 1) parts.set(rule.sections[0] as number, cents)
    else {
      const shares = splitCents(cents, rule.weights)
      rule.sections.forEach((s, i) => {
        parts.set(s, shares[i] as number)
      })
    }
    return { parts, source: { kind: 'regle', index: rule.index } }
  }
}
