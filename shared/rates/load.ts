// Loading a rate table: schema check, totals recomputed, SHA-256 computed when first asked. A table that does not add up never loads.
import * as v from 'valibot'
import { AciError } from '../errors'
import { formatEuros } from '../format'
import { MISSION_WORDS, type MissionCode } from '../missions'
import { Decimal, sum } from '../money'
import { normalizeWords } from '../text'
import { canonicalJson, sha256Hex } from './canonical'
import { type MissionData, type Phase, type RateTableData, rateTableSchema } from './schema'
import { type Component, type Mission, type PerTaille, type RateTable, TAILLES } from './table'

function fail(id: string, message: string): never {
  throw new AciError('bareme_invalide', `Barème ${id} : ${message}`, 'bareme')
}

function perTaille(amounts: readonly string[]): PerTaille {
  const [a = '0', b = '0', c = '0', d = '0'] = amounts
  return [new Decimal(a), new Decimal(b), new Decimal(c), new Decimal(d)]
}

function sumPerTaille(rows: readonly PerTaille[]): PerTaille {
  const [a, b, c, d] = TAILLES.map((_, i) => sum(rows.map((row) => row[i] as Decimal)))
  return [a as Decimal, b as Decimal, c as Decimal, d as Decimal]
}

function checkSame(id: string, what: string, printed: PerTaille, computed: PerTaille): void {
  TAILLES.forEach((taille, i) => {
    const p = printed[i] as Decimal
    const c = computed[i] as Decimal
    if (!p.equals(c)) {
      fail(
        id,
        `${what}, taille ${taille} : total publié ${formatEuros(p)}, somme recalculée ${formatEuros(c)}.`
      )
    }
  })
}

function checkTailles(data: RateTableData): void {
  data.tailles.forEach((row, i) => {
    if (row.taille !== i + 1)
      fail(data.id, `tailles : la taille ${i + 1} est attendue en position ${i + 1}.`)
    const next = data.tailles[i + 1]
    if (next === undefined) {
      if (row.populationBelow !== null)
        fail(data.id, 'la taille 4 ne doit pas avoir de borne haute.')
    } else if (row.populationBelow !== next.populationMin) {
      fail(
        data.id,
        `tailles : la borne haute de la taille ${row.taille} doit être le seuil de la taille ${next.taille}.`
      )
    }
    if (row.populationBelow !== null && row.populationBelow <= row.populationMin) {
      fail(data.id, `tailles : seuils de la taille ${row.taille} dans le désordre.`)
    }
  })
  if (data.tailles[0]?.populationMin !== 0)
    fail(data.id, 'la taille 1 doit commencer à 0 habitant.')
}

function loadMission(id: string, data: MissionData): Mission {
  const components: Component[] = data.components.map((c) => ({
    code: c.code,
    label: c.label,
    volet: c.volet,
    phase: c.phase,
    amounts: perTaille(c.amounts),
  }))
  const phases: readonly Phase[] = data.phases ?? []
  const where = `mission ${data.code}`
  const codes = new Set(components.map((c) => c.code))
  if (codes.size !== components.length) fail(id, `${where} : codes de composantes en double.`)
  for (const c of components) {
    if (c.phase !== undefined && !phases.includes(c.phase)) {
      fail(
        id,
        `${where} : la composante ${c.code} a la phase ${c.phase}, absente des phases de la mission.`
      )
    }
    if (c.phase !== undefined && c.volet !== 'fixe') {
      fail(id, `${where} : seule une composante du volet fixe peut dépendre de la phase du plan.`)
    }
  }
  const fixe = new Map<Phase | undefined, PerTaille>()
  const inPhase = (c: Component, phase: Phase | undefined) =>
    c.phase === undefined || c.phase === phase
  for (const phase of phases.length > 0 ? phases : [undefined]) {
    if (phase !== undefined && !components.some((c) => c.phase === phase)) {
      fail(id, `${where} : aucune composante pour la phase ${phase}.`)
    }
    fixe.set(
      phase,
      sumPerTaille(
        components.filter((c) => c.volet === 'fixe' && inPhase(c, phase)).map((c) => c.amounts)
      )
    )
  }
  const variable = sumPerTaille(
    components.filter((c) => c.volet === 'variable').map((c) => c.amounts)
  )
  const total = perTaille(data.total)
  // The published total of a phased mission is the one of its first phase (the plan's first writing).
  const firstFixe = fixe.get(phases[0]) as PerTaille
  checkSame(id, where, total, sumPerTaille([firstFixe, variable]))
  return {
    code: data.code,
    label: data.label,
    category: data.category,
    phases,
    components,
    total,
    fixe,
    variable,
  }
}

/** Checks a table file and prepares it; fails with the version, mission and taille at fault. */
export function loadRateTable(raw: unknown): RateTable {
  const parsed = v.safeParse(rateTableSchema, raw)
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '(sans identifiant)'
  if (!parsed.success) {
    const issue = parsed.issues[0]
    const path = v.getDotPath(issue) ?? '(racine)'
    fail(id, `${path} : ${issue.message}.`)
  }
  const data = parsed.output
  checkTailles(data)
  const seen = new Set<MissionCode>()
  const missions = data.missions.map((m) => {
    if (seen.has(m.code)) fail(data.id, `mission ${m.code} en double.`)
    seen.add(m.code)
    return loadMission(data.id, m)
  })
  const fonctionnement = {
    label: data.fonctionnement.label,
    amounts: perTaille(data.fonctionnement.amounts),
  }
  const total = perTaille(data.total)
  checkSame(
    data.id,
    'total général',
    total,
    sumPerTaille([fonctionnement.amounts, ...missions.map((m) => m.total)])
  )

  const byCode = new Map(missions.map((m) => [m.code, m]))
  const missionLabels = new Map<string, MissionCode>()
  for (const m of missions) {
    missionLabels.set(normalizeWords(m.label), m.code)
    missionLabels.set(normalizeWords(MISSION_WORDS[m.code].label), m.code)
  }
  const { $schema: _editorHint, ...published } = data
  // The fingerprint is computed the first time it is read (the rate tables' tab, the Worker's
  // /rates, a download's check), not when the table loads: hashing the two bundled tables was a
  // seventh of the pane's first render, which only needs their amounts.
  let sha256: string | undefined
  return {
    id: data.id,
    title: data.title,
    effectiveDate: data.effectiveDate,
    source: data.source,
    tailles: data.tailles,
    fonctionnement,
    missions,
    total,
    get sha256() {
      sha256 ??= sha256Hex(canonicalJson(published))
      return sha256
    },
    data: published,
    mission: (code) => byCode.get(code),
    missionLabels,
  }
}
