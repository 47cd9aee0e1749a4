// Indemnities and pay to one professional over a calendar year against the PASS (art. D. 1434-44 CSP, décret n° 2022-375).
import { formatEuros } from '../../format'
import { Decimal, timesToCent, toAmountString } from '../../money'
import { ECRITURE_LABELS, readName } from '../../text/names'
import { CentsTotal } from '../cents'
import type { BudgetContext } from '../context'
import { type Finding, finding } from '../findings'
import type { PreparedLine } from '../prepare'
import { frenchDate } from '../wording'

/** What each professional receives over the financial year, gathered while the lines are read. */
export class BeneficiaryTotals {
  private readonly people = new Map<string, { name: string; total: CentsTotal }>()
  /** Names already read: the same professional is on many lines. */
  private readonly keys = new Map<string, string>()
  /** Names whose letters mix scripts (« Dr Аnne Martin » with a Cyrillic А), with their scripts. */
  private readonly mixed = new Map<string, { key: string; scripts: string }>()

  add(line: PreparedLine): void {
    const name = line.ligne.beneficiaire?.trim()
    if (name === undefined || line.nature !== 'charge') return
    // The same professional, however the name is typed: NFKC, invisible characters removed,
    // case, accents, spaces and look-alike letters of other scripts folded (text/names).
    let key = this.keys.get(name)
    if (key === undefined) {
      const reading = readName(name)
      key = reading.key
      this.keys.set(name, key)
      if (reading.mixedScripts) {
        const scripts = reading.scripts.map((s) => ECRITURE_LABELS[s]).join(', ')
        this.mixed.set(name, { key, scripts })
      }
    }
    const entry = this.people.get(key)
    if (entry === undefined) {
      this.people.set(key, { name, total: addTo(new CentsTotal(), line.cents) })
    } else {
      addTo(entry.total, line.cents)
      // The name shown does not depend on the order of the lines: the first in code-point order.
      if (name < entry.name) entry.name = name
    }
  }

  findings(ctx: BudgetContext, out: Finding[]): void {
    if (this.people.size === 0) return
    const mixed = [...this.mixed.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
    for (const [name, { key, scripts }] of mixed) {
      const shown = this.people.get(key)?.name ?? name
      const grouped = shown === name ? '' : `, compté avec « ${shown} »`
      out.push(
        finding('PASS-NOM-ECRITURES', {
          beneficiaire: name,
          message: `Le nom « ${name} » mêle des lettres de plusieurs écritures (${scripts}) qui se ressemblent à l’écran : il est lu comme le même professionnel que les noms qui s’écrivent pareil en lettres latines${grouped}, pour le plafond des indemnités et rémunérations (art. D. 1434-44 CSP). Corrigez la saisie (une lettre copiée d’un autre alphabet).`,
        })
      )
    }
    const { pass } = ctx
    const { debut, fin } = ctx.doc.profil.exercice
    const first = Number(debut.slice(0, 4))
    const last = Number(fin.slice(0, 4))
    const calendarYear = first === last && debut.endsWith('-01-01') && fin.endsWith('-12-31')
    const caps: { year: number; amount: Decimal }[] = []
    const missing: number[] = []
    for (let year = Math.max(first, pass.firstYear); year <= last; year++) {
      const amount = pass.amount(year)
      if (amount === undefined) missing.push(year)
      else caps.push({ year, amount })
    }
    if (last < pass.firstYear) {
      out.push(
        finding('PASS-INCONNU', {
          message: `Le plafond des indemnités et rémunérations d’un professionnel (art. D. 1434-44 CSP) n’existe qu’à partir de ${pass.firstYear} (décret n° 2022-375 du 16 mars 2022) : les sommes de cet exercice ne sont pas plafonnées.`,
        })
      )
    }
    if (missing.length > 0) {
      out.push(
        finding('PASS-INCONNU', {
          message: `Le PASS de ${missing.join(', ')} n’est pas dans la table des valeurs (dernière année connue : ${pass.lastYear}) : le plafond n’est pas vérifié pour ${missing.length > 1 ? 'ces années' : 'cette année'}.`,
        })
      )
    }
    if (caps.length === 0) return
    const cap = caps.reduce((low, c) => (c.amount.lt(low.amount) ? c : low))
    const period = calendarYear
      ? `l’année civile ${first}`
      : `l’exercice du ${frenchDate(debut)} au ${frenchDate(fin)}`
    const capWords = calendarYear
      ? `le plafond annuel de la sécurité sociale ${cap.year} (${formatEuros(cap.amount)})`
      : `le plus bas PASS des années civiles de l’exercice (${formatEuros(cap.amount)} en ${cap.year})`
    // Over a calendar year the cap is certainly exceeded; over another period, only perhaps.
    const caveat = calendarYear
      ? ''
      : ' Le plafond s’apprécie par année civile : à vérifier sur chacune des années de l’exercice.'
    const alertShare = ctx.doc.profil.seuils?.pass
    const names = [...this.people.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const { name, total: sum } of names) {
      const total = sum.euros()
      const amounts = { total: toAmountString(total), plafond: toAmountString(cap.amount) }
      if (total.gt(cap.amount)) {
        const excess = total.minus(cap.amount)
        out.push(
          finding('PASS-PLAFOND', {
            severity: calendarYear ? 'error' : 'warning',
            beneficiaire: name,
            amounts: { ...amounts, depassement: toAmountString(excess) },
            message: `${name} : ${formatEuros(total)} d’indemnités et de rémunérations sur ${period}, soit ${formatEuros(excess)} de plus que ${capWords} (art. D. 1434-44 CSP).${caveat}`,
          })
        )
      } else if (alertShare !== undefined) {
        const alert = timesToCent(cap.amount, new Decimal(alertShare).div(100))
        if (total.gt(alert)) {
          out.push(
            finding('PASS-ALERTE', {
              beneficiaire: name,
              amounts: { ...amounts, seuil: toAmountString(alert) },
              message: `${name} : ${formatEuros(total)} d’indemnités et de rémunérations sur ${period}, plus de ${alertShare.replace('.', ',')} % du PASS ${cap.year} (${formatEuros(cap.amount)}).`,
            })
          )
        }
      }
    }
  }
}

function addTo(total: CentsTotal, cents: number): CentsTotal {
  total.add(cents)
  return total
}
