// The expenses the Sénat names as questionable: leisure for members, real estate (warnings to justify, with the reason).
import { centsToString } from '../cents'
import type { BudgetContext } from '../context'
import { type Finding, finding } from '../findings'
import { lineRef, type PreparedLine } from '../prepare'
import { lineWords } from '../wording'

export function senatLineFindings(line: PreparedLine, ctx: BudgetContext, out: Finding[]): void {
  if (line.nature !== 'charge') return
  const { loisirs, immobilier } = ctx.senat
  const words = ctx.senat.mayMatch(line.ligne.libelle)
  const leisure = words ? loisirs.match(line.ligne.libelle) : undefined
  if (leisure !== undefined || loisirs.hasAccount(line.ligne.compte)) {
    out.push(
      finding('SENAT-LOISIRS', {
        ligne: lineRef(line),
        amounts: { montant: centsToString(line.cents) },
        message: `Dépense à justifier : ${lineWords(line)}${leisure === undefined ? '' : `, mot relevé « ${leisure} »`}. Le Sénat relève parmi les dépenses litigieuses des CPTS l’organisation d’${loisirs.raison}.`,
      })
    )
  }
  const estate = words ? immobilier.match(line.ligne.libelle) : undefined
  if (estate !== undefined || immobilier.hasAccount(line.ligne.compte)) {
    out.push(
      finding('SENAT-IMMOBILIER', {
        ligne: lineRef(line),
        amounts: { montant: centsToString(line.cents) },
        message: `Dépense à justifier : ${lineWords(line)}${estate === undefined ? `, compte relevé : ${line.account?.libelle ?? line.ligne.compte}` : `, mots relevés « ${estate} »`}. Le Sénat relève parmi les dépenses litigieuses des CPTS l’${immobilier.raison}.`,
      })
    )
  }
}
