// Findings about one line on its own: its account, its sign, its analytic split.
import { bundledCharts } from '../accounts'
import { centsToString } from '../cents'
import type { BudgetContext } from '../context'
import { type Finding, finding } from '../findings'
import { HUNDRED_PERCENT, lineRef, type PreparedLine } from '../prepare'
import type { PreparedActual } from '../realise'
import { SECTIONS, sectionLabel } from '../sections'
import { euros, frenchDate, keysPercent, lineWords } from '../wording'

/** An account the chart of the financial year does not have (e.g. 79 in a 2025 budget: ANC 2022-06 removed it). */
function unknownAccount(line: PreparedLine, ctx: BudgetContext): Finding {
  const { chart } = ctx
  const elsewhere = bundledCharts().find((c) => c !== chart && c.lookup(line.ligne.compte))
  const hint =
    elsewhere === undefined
      ? ', ni comme sous-compte d’un de ses comptes'
      : elsewhere.effectiveDate < chart.effectiveDate
        ? ` ; il figure dans le plan ${elsewhere.id}, qui ne s’applique plus aux exercices ouverts à compter du ${frenchDate(chart.effectiveDate)}`
        : ` ; il n’existe que dans le plan ${elsewhere.id}, applicable aux exercices ouverts à compter du ${frenchDate(elsewhere.effectiveDate)}`
  return finding('PLAN-COMPTES-VERSION', {
    ligne: lineRef(line),
    amounts: { montant: centsToString(line.cents) },
    message: `Le compte ${line.ligne.compte} de la ligne « ${line.ligne.libelle} » n’existe pas dans le plan comptable de l’exercice (${chart.id}, ${chart.title})${hint}.`,
  })
}

function negative(line: PreparedLine): Finding | undefined {
  if (line.account?.negatifAdmis === true) return undefined
  if (line.cents < 0) {
    return finding('MONTANT-NEGATIF', {
      ligne: lineRef(line),
      amounts: { montant: centsToString(line.cents) },
      message: `Montant négatif pour ${lineWords(line)} : seuls les comptes correcteurs (rabais, remises et ristournes, variations de stocks, remboursements de charges) admettent un montant négatif.`,
    })
  }
  const parts = line.parts
  if (parts === undefined) return undefined
  let at = 0
  while (at < parts.length && (parts[at] as number) >= 0) at += 1
  if (at === parts.length) return undefined
  const section = SECTIONS[at] as (typeof SECTIONS)[number]
  return finding('MONTANT-NEGATIF', {
    section,
    ligne: lineRef(line),
    amounts: { montant: centsToString(line.cents), part: centsToString(parts[at] as number) },
    message: `Part négative (${euros(parts[at] as number)}) pour la section ${sectionLabel(section)} dans la répartition de ${lineWords(line)}.`,
  })
}

function split(line: PreparedLine): Finding | undefined {
  if (line.parts === undefined) {
    if (line.nature !== 'charge') return undefined
    return finding('REPARTITION-ABSENTE', {
      ligne: lineRef(line),
      amounts: { montant: centsToString(line.cents) },
      message: `La charge ${lineWords(line)} n’est répartie sur aucune section : ni l’enveloppe qu’elle consomme ni la dépense par mission ne peuvent être contrôlées.`,
    })
  }
  const gap = line.cents - line.allocated
  // Most lines are split whole: their amounts are written only for a finding.
  if (line.keysTotal === undefined ? gap === 0 : line.keysTotal === HUNDRED_PERCENT) {
    return undefined
  }
  const amounts = {
    montant: centsToString(line.cents),
    reparti: centsToString(line.allocated),
    nonReparti: centsToString(gap),
  }
  if (line.keysTotal !== undefined) {
    const over = line.keysTotal > HUNDRED_PERCENT
    return finding('CLE-SOMME', {
      ligne: lineRef(line),
      amounts,
      message: `Les clés de répartition de ${lineWords(line)} totalisent ${keysPercent(line.keysTotal)} au lieu de 100 % : ${euros(line.allocated)} répartis${
        over
          ? `, soit ${euros(Math.abs(gap))} de trop (la charge est comptée plus d’une fois, double emploi)`
          : `, ${euros(Math.abs(gap))} non répartis`
      }.`,
    })
  }
  // For a negative line (a contra account), "too much" is further below zero.
  const over = line.cents < 0 ? gap > 0 : gap < 0
  return finding('REPARTITION-SOMME', {
    ligne: lineRef(line),
    amounts,
    message: `La répartition de ${lineWords(line)} totalise ${euros(line.allocated)}${
      over
        ? ` : ${euros(Math.abs(gap))} de trop (la charge est comptée plus d’une fois, double emploi)`
        : ` : ${euros(Math.abs(gap))} non répartis`
    }.`,
  })
}

/** Account, sign and split of one line. */
export function lineFindings(line: PreparedLine, ctx: BudgetContext, out: Finding[]): void {
  if (line.account === undefined) out.push(unknownAccount(line, ctx))
  const sign = negative(line)
  if (sign !== undefined) out.push(sign)
  // Unbudgeted spending (montant 0, an actual, no split): its missing split is said on its actual.
  if (line.cents === 0 && line.parts === undefined && line.ligne.realise !== undefined) return
  const parts = split(line)
  if (parts !== undefined) out.push(parts)
}

/**
 * The same checks on a line's actual amount: its sign, and its split when it has its own or
 * none at all.
 */
export function actualLineFindings(actual: PreparedActual, out: Finding[]): void {
  const sign = negative(actual)
  if (sign !== undefined) out.push(sign)
  // A split that follows the planned one was checked on the plan; no split at all is said again.
  if (!actual.ownSplit && actual.parts !== undefined) return
  const parts = split(actual)
  if (parts !== undefined) out.push(parts)
}
