// A small flow layout on pdf-lib: A4 pages, headings, wrapped paragraphs, tables that break between rows with their header repeated, page numbers.
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import { toWinAnsi } from './text'

export const A4 = { width: 595.28, height: 841.89 } as const
const MARGIN = { top: 56, bottom: 56, left: 48, right: 48 } as const
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.4, 0.4, 0.45),
  rule: rgb(0.75, 0.75, 0.78),
  header: rgb(0.88, 0.9, 0.94),
  stripe: rgb(0.965, 0.97, 0.98),
  accent: rgb(0.12, 0.3, 0.55),
  error: rgb(0.7, 0.1, 0.1),
  warning: rgb(0.7, 0.45, 0.0),
} as const

export interface Column {
  readonly title: string
  /** Share of the content width; the shares of a table add up to 1. */
  readonly width: number
  readonly align?: 'left' | 'right'
}

export interface Fonts {
  readonly regular: PDFFont
  readonly bold: PDFFont
}

const BODY = 8.5
const LEADING = 1.3
const CELL_PAD = 3

const widths = new WeakMap<PDFFont, Map<string, number>>()

/**
 * Width of a WinAnsi text at `size`: the sum of its glyphs' advances, as the PDF's text operator
 * draws them (no kerning), each glyph measured once per font. pdf-lib's own measure applies
 * kerning pairs the drawing does not, and costs most of a dossier's time.
 */
export function widthOf(font: PDFFont, text: string, size: number): number {
  let cache = widths.get(font)
  if (cache === undefined) {
    cache = new Map()
    widths.set(font, cache)
  }
  let total = 0
  for (const char of text) {
    let w = cache.get(char)
    if (w === undefined) {
      w = font.widthOfTextAtSize(char, 1000)
      cache.set(char, w)
    }
    total += w
  }
  return (total * size) / 1000
}

/** Lines of `text` that fit `width` at `size`, broken at ordinary spaces (never at a no-break space). */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  const space = widthOf(font, ' ', size)
  for (const paragraph of toWinAnsi(text).split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(' ')) {
      const wordWidth = widthOf(font, word, size)
      if (line === '' && wordWidth <= width) {
        line = word
        lineWidth = wordWidth
        continue
      }
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line = `${line} ${word}`
        lineWidth += space + wordWidth
        continue
      }
      if (line !== '') lines.push(line)
      // A word wider than the column is cut where it must be.
      let rest = word
      while (rest.length > 1 && widthOf(font, rest, size) > width) {
        let cut = 1
        let used = widthOf(font, rest.charAt(0), size)
        while (cut < rest.length - 1) {
          const next = widthOf(font, rest.charAt(cut), size)
          if (used + next > width) break
          used += next
          cut++
        }
        // After a hyphen when there is one (« ENVELOPPE- / DEPASSEE »), else where the width ends.
        const hyphen = rest.lastIndexOf('-', cut - 1)
        if (hyphen > 0) cut = hyphen + 1
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
      lineWidth = widthOf(font, rest, size)
    }
    lines.push(line)
  }
  return lines
}

export class Layout {
  readonly pages: PDFPage[] = []
  private page!: PDFPage
  private y = 0

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts
  ) {
    this.newPage()
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height])
    this.pages.push(this.page)
    this.y = A4.height - MARGIN.top
  }

  get current(): PDFPage {
    return this.page
  }

  get cursor(): number {
    return this.y
  }

  /** Moves down by `height`, or to a new page when less than `height` is left. */
  reserve(height: number): number {
    if (this.y - height < MARGIN.bottom) this.newPage()
    const top = this.y
    this.y -= height
    return top
  }

  space(height: number): void {
    this.y -= height
  }

  text(
    value: string,
    x: number,
    y: number,
    options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}
  ): void {
    this.page.drawText(toWinAnsi(value), {
      x,
      y,
      size: options.size ?? BODY,
      font: options.bold ? this.fonts.bold : this.fonts.regular,
      color: options.color ?? COLORS.text,
    })
  }

  title(value: string, size = 20): void {
    const top = this.reserve(size * 1.4)
    this.text(value, MARGIN.left, top - size, { size, bold: true, color: COLORS.accent })
  }

  /** A section heading; it starts a new page when fewer than `keep` points would follow it. */
  heading(value: string, keep = 90): void {
    if (this.y - keep < MARGIN.bottom) this.newPage()
    else this.space(10)
    const top = this.reserve(20)
    this.text(value, MARGIN.left, top - 14, { size: 13, bold: true, color: COLORS.accent })
    this.page.drawLine({
      start: { x: MARGIN.left, y: top - 18 },
      end: { x: A4.width - MARGIN.right, y: top - 18 },
      thickness: 0.6,
      color: COLORS.accent,
    })
    this.space(4)
  }

  subheading(value: string): void {
    if (this.y - 60 < MARGIN.bottom) this.newPage()
    else this.space(4)
    const top = this.reserve(15)
    this.text(value, MARGIN.left, top - 11, { size: 10, bold: true })
  }

  paragraph(
    value: string,
    options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}
  ): void {
    const size = options.size ?? BODY
    const font = options.bold ? this.fonts.bold : this.fonts.regular
    for (const line of wrap(font, value, size, CONTENT_WIDTH)) {
      const top = this.reserve(size * LEADING)
      this.text(line, MARGIN.left, top - size, { ...options, size })
    }
    this.space(3)
  }

  /** Label and value pairs in two columns. */
  pairs(rows: readonly (readonly [string, string])[], labelShare = 0.3): void {
    this.table(
      [
        { title: '', width: labelShare },
        { title: '', width: 1 - labelShare },
      ],
      rows,
      {
        header: false,
        boldFirst: true,
      }
    )
  }

  /**
   * A table whose rows wrap inside their cells and never split: a row that does not fit goes to
   * the next page, under the header drawn again. `emphasis` rows (totals) are bold.
   */
  table(
    columns: readonly Column[],
    rows: readonly (readonly string[])[],
    options: { header?: boolean; boldFirst?: boolean; emphasis?: ReadonlySet<number> } = {}
  ): void {
    const header = options.header ?? true
    const widths = columns.map((c) => c.width * CONTENT_WIDTH)
    const lineHeight = BODY * LEADING
    const layoutRow = (cells: readonly string[], bold: (i: number) => boolean) => {
      const lines = cells.map((cell, i) =>
        wrap(
          bold(i) ? this.fonts.bold : this.fonts.regular,
          cell,
          BODY,
          (widths[i] as number) - 2 * CELL_PAD
        )
      )
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PAD
      return { lines, height }
    }
    const drawRow = (
      row: { lines: string[][]; height: number },
      bold: (i: number) => boolean,
      fill: ReturnType<typeof rgb> | undefined
    ) => {
      const top = this.reserve(row.height)
      if (fill !== undefined) {
        this.page.drawRectangle({
          x: MARGIN.left,
          y: top - row.height,
          width: CONTENT_WIDTH,
          height: row.height,
          color: fill,
        })
      }
      let x = MARGIN.left
      row.lines.forEach((lines, i) => {
        const width = widths[i] as number
        const font = bold(i) ? this.fonts.bold : this.fonts.regular
        lines.forEach((line, k) => {
          const lineWidth = widthOf(font, line, BODY)
          const lx = columns[i]?.align === 'right' ? x + width - CELL_PAD - lineWidth : x + CELL_PAD
          this.page.drawText(line, {
            x: lx,
            y: top - CELL_PAD - BODY - k * lineHeight + 1.5,
            size: BODY,
            font,
            color: COLORS.text,
          })
        })
        x += width
      })
      this.page.drawLine({
        start: { x: MARGIN.left, y: top - row.height },
        end: { x: A4.width - MARGIN.right, y: top - row.height },
        thickness: 0.3,
        color: COLORS.rule,
      })
    }
    const head = header
      ? layoutRow(
          columns.map((c) => c.title),
          () => true
        )
      : undefined
    const drawHead = () => {
      if (head !== undefined) drawRow(head, () => true, COLORS.header)
    }
    const laid = rows.map((cells, r) => {
      const bold = (i: number) =>
        (options.boldFirst === true && i === 0) || options.emphasis?.has(r) === true
      return { row: layoutRow(cells, bold), bold }
    })
    // The header never stays alone at the bottom of a page.
    const first = laid[0]?.row.height ?? 0
    if (this.y - (head?.height ?? 0) - first < MARGIN.bottom) this.newPage()
    drawHead()
    laid.forEach(({ row, bold }, r) => {
      if (this.y - row.height < MARGIN.bottom) {
        this.newPage()
        drawHead()
      }
      drawRow(row, bold, r % 2 === 1 ? COLORS.stripe : undefined)
    })
    this.space(8)
  }

  /** « page 2 / 7 » and the dossier's name at the foot of every page, once all pages exist. */
  footers(left: string): void {
    const total = this.pages.length
    this.pages.forEach((page, i) => {
      const size = 7.5
      const right = toWinAnsi(`page ${i + 1} / ${total}`)
      page.drawLine({
        start: { x: MARGIN.left, y: MARGIN.bottom - 16 },
        end: { x: A4.width - MARGIN.right, y: MARGIN.bottom - 16 },
        thickness: 0.4,
        color: COLORS.rule,
      })
      page.drawText(toWinAnsi(left), {
        x: MARGIN.left,
        y: MARGIN.bottom - 28,
        size,
        font: this.fonts.regular,
        color: COLORS.muted,
      })
      page.drawText(right, {
        x: A4.width - MARGIN.right - widthOf(this.fonts.regular, right, size),
        y: MARGIN.bottom - 28,
        size,
        font: this.fonts.regular,
        color: COLORS.muted,
      })
    })
  }

  get left(): number {
    return MARGIN.left
  }
}
