// Envelope, planned and actual charges per section as horizontal bars, drawn with pdf-lib's rectangles.
import { rgb } from 'pdf-lib'
import { Decimal } from '../../index'
import type { Dossier } from '../schema'
import { COLORS, CONTENT_WIDTH, type Layout, widthOf, wrap } from './layout'
import { euros, toWinAnsi } from './text'

const SERIES = [
  { key: 'enveloppe', label: 'Enveloppe', color: rgb(0.72, 0.75, 0.8) },
  { key: 'charges', label: 'Charges prévues', color: rgb(0.2, 0.42, 0.7) },
  { key: 'realise', label: 'Charges réalisées', color: rgb(0.25, 0.6, 0.35) },
] as const

type Key = (typeof SERIES)[number]['key']

export function drawEnvelopeChart(layout: Layout, budget: Dossier['budget']): void {
  const sections = budget.sections.filter((s) => s.enveloppe !== null)
  if (sections.length === 0) return
  const withActuals = sections.some((s) => s.realise !== null)
  const series = SERIES.filter((s) => s.key !== 'realise' || withActuals)
  const value = (s: (typeof sections)[number], key: Key): Decimal => {
    if (key === 'enveloppe') return new Decimal(s.enveloppe ?? '0')
    if (key === 'charges') return new Decimal(s.charges)
    return new Decimal(s.realise?.charges ?? '0')
  }
  const max = Decimal.max(
    1,
    ...sections.flatMap((s) => series.map((k) => value(s, k.key)))
  ).toNumber()
  const bar = 7
  const groupHeight = series.length * bar + 8
  const labelWidth = 130
  const valueWidth = 70
  const plotWidth = CONTENT_WIDTH - labelWidth - valueWidth
  const { regular } = layout.fonts

  // Legend.
  const legendTop = layout.reserve(16)
  let lx = layout.left
  for (const s of series) {
    layout.current.drawRectangle({ x: lx, y: legendTop - 10, width: 9, height: 7, color: s.color })
    layout.text(s.label, lx + 12, legendTop - 10, { size: 7.5, color: COLORS.muted })
    lx += 16 + widthOf(regular, toWinAnsi(s.label), 7.5) + 14
  }
  for (const s of sections) {
    const top = layout.reserve(groupHeight)
    const label = wrap(regular, s.libelle, 7.5, labelWidth - 6).slice(0, 2)
    const middle = top - 4 - (series.length * bar) / 2 + (label.length - 1) * 4.5
    label.forEach((line, k) => {
      layout.text(line, layout.left, middle - 2 - k * 9, { size: 7.5 })
    })
    series.forEach((k, i) => {
      const amount = value(s, k.key)
      const width = Math.max(0.5, (amount.toNumber() / max) * plotWidth)
      const y = top - 4 - (i + 1) * bar
      layout.current.drawRectangle({
        x: layout.left + labelWidth,
        y: y + 1,
        width,
        height: bar - 1.5,
        color: k.color,
      })
      layout.text(euros(amount.toFixed(2)), layout.left + labelWidth + width + 3, y + 1.5, {
        size: 6.5,
        color: COLORS.muted,
      })
    })
  }
  layout.space(6)
}
