// Outside Excel: the sheets the pane wrote, shown as grids with their formats; the budget table's cells can be typed in.
import {
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { frenchDate } from '../../../shared'
import { isoFromExcelSerial } from '../../excel/dates'
import { cellAt, cellKey, type MemorySheet, type MemoryWorkbook } from '../workbook/memory-workbook'
import {
  type CellValue,
  columnLetter,
  isFormula,
  type PlanCell,
  parseAddress,
  type SheetPlan,
} from '../workbook/plan'

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: {
    overflow: 'auto',
    maxHeight: '80vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  grid: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  // Long titles and notes run over the next cells, as in Excel.
  spill: { overflow: 'visible', textOverflow: 'clip' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  note: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  formula: { color: tokens.colorBrandForeground1 },
  input: {
    width: '100%',
    boxSizing: 'border-box',
    border: 'none',
    font: 'inherit',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
})

const amount = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })

/** A value as Excel shows it with the cell's number format (the few formats the pane writes). */
function display(value: CellValue, format: string | null): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX'
  if (typeof value === 'string') return value
  if (format === null) return String(value).replace('.', ',')
  if (format.includes('dd/mm/yyyy')) return frenchDate(isoFromExcelSerial(value, 'date'))
  if (format.includes('%')) return `${amount.format(value * 100).replace(/,00$/, '')} %`
  if (format.includes('€')) return `${amount.format(value)} €`
  if (format.includes('#,##0')) return integer.format(value)
  return String(value).replace('.', ',')
}

interface Layout {
  readonly formats: Map<string, string | null>
  readonly styles: Map<string, 'title' | 'subtitle' | 'note' | 'label' | 'header'>
}

/** Each cell's number format and style, from the sheet's plan: what Excel would apply. */
function layoutOf(plan: SheetPlan): Layout {
  const formats = new Map<string, string | null>()
  const styles = new Map<string, 'title' | 'subtitle' | 'note' | 'label' | 'header'>()
  for (const block of plan.blocks) {
    const start = parseAddress(block.at)
    block.rows.forEach((row, r) => {
      row.forEach((_, c) => {
        const key = `${start.row + r},${start.column + c}`
        if (block.style) styles.set(key, block.style)
        formats.set(key, block.formats?.[c] ?? null)
      })
    })
  }
  for (const table of plan.tables) {
    const start = parseAddress(table.at)
    table.columns.forEach((column, c) => {
      styles.set(`${start.row},${start.column + c}`, 'header')
      for (let r = 0; r < Math.max(table.rows.length, 1); r++) {
        formats.set(
          `${start.row + 1 + r},${start.column + c}`,
          table.rowFormats?.[r] ?? column.format
        )
      }
    })
  }
  return { formats, styles }
}

/** "1 234,5" → 1234.5; null for an empty input; text stays text. */
function typed(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.')
  if (compact === '') return null
  return /^-?\d+(\.\d+)?$/.test(compact) && !/^0\d/.test(compact) ? Number(compact) : text.trim()
}

export function WorkbookPreview({ workbook }: { workbook: MemoryWorkbook }) {
  const styles = useStyles()
  useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.revision
  )
  const [active, setActive] = useState<string | null>(null)
  const last = workbook.sheets[workbook.sheets.length - 1]
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new sheet becomes the active one, as in Excel.
  useEffect(() => setActive(last?.name ?? null), [workbook.sheets.length])
  const sheet = workbook.sheets.find((s) => s.name === active) ?? last
  return (
    <section className={styles.preview} aria-labelledby="aci-apercu">
      <Subtitle2 as="h2" id="aci-apercu">
        Aperçu du classeur
      </Subtitle2>
      <Caption1>
        Page ouverte hors d’Excel : le volet écrit dans ce classeur d’aperçu. Les cellules du
        tableau de budget se saisissent ici ; les formules (en bleu, la formule au survol) gardent
        la valeur calculée à l’écriture.
      </Caption1>
      {sheet === undefined ? (
        <Caption1>Aucune feuille pour l’instant.</Caption1>
      ) : (
        <>
          <TabList
            selectedValue={sheet.name}
            onTabSelect={(_, d) => setActive(String(d.value))}
            size="small"
          >
            {workbook.sheets.map((s) => (
              <Tab key={s.name} value={s.name}>
                {s.name}
              </Tab>
            ))}
          </TabList>
          {/* Keyed by sheet: a grid never keeps the inputs (nor the scroll) of another sheet. */}
          <SheetGrid key={sheet.name} workbook={workbook} sheet={sheet} />
        </>
      )}
    </section>
  )
}

function SheetGrid({ workbook, sheet }: { workbook: MemoryWorkbook; sheet: MemorySheet }) {
  const styles = useStyles()
  const [, setTick] = useState(0)
  const layout = layoutOf(sheet.plan)
  let rows = 0
  let columns = 0
  for (const key of sheet.cells.keys()) {
    const at = cellAt(key)
    rows = Math.max(rows, at.row + 1)
    columns = Math.max(columns, at.column + 1)
  }
  // Excel's column widths in characters, at about 0.55 rem a character, plus the padding; the
  // table is as wide as its columns, so that a long title runs over them instead of widening A.
  const rem = (c: number) => Math.min(Math.max(sheet.plan.widths[c] ?? 10, 4), 60) * 0.55 + 1
  const width = (c: number) => `${rem(c)}rem`
  let total = 2.5
  for (let c = 0; c < columns; c++) total += rem(c)
  return (
    <div className={styles.scroller}>
      <table
        className={styles.grid}
        style={{ width: `${total}rem` }}
        aria-label={`Feuille ${sheet.name}`}
      >
        <colgroup>
          <col style={{ width: '2.5rem' }} />
          {Array.from({ length: columns }, (_, c) => (
            <col key={columnLetter(c)} style={{ width: width(c) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={`${styles.cell} ${styles.head}`}>
              <span className={styles.hidden}>Ligne</span>
            </th>
            {Array.from({ length: columns }, (_, c) => (
              <th key={columnLetter(c)} scope="col" className={`${styles.cell} ${styles.head}`}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a sheet are its positions.
            <tr key={r}>
              <th scope="row" className={`${styles.cell} ${styles.head}`}>
                {r + 1}
              </th>
              {Array.from({ length: columns }, (_, c) => (
                <GridCell
                  key={columnLetter(c)}
                  workbook={workbook}
                  sheet={sheet}
                  row={r}
                  column={c}
                  layout={layout}
                  onEdit={() => setTick((t) => t + 1)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function GridCell(props: {
  workbook: MemoryWorkbook
  sheet: MemorySheet
  row: number
  column: number
  layout: Layout
  onEdit: () => void
}) {
  const styles = useStyles()
  const { workbook, sheet, row, column, layout } = props
  const key = `${row},${column}`
  const cell: PlanCell | undefined = sheet.cells.get(cellKey(row, column))
  const value = cell === undefined ? null : isFormula(cell) ? cell.value : cell
  const format = layout.formats.get(key) ?? null
  const style = layout.styles.get(key)
  const shown = display(value, format)
  // mergeClasses: the later style wins, property by property (a title's overflow over the cell's).
  const classes = mergeClasses(
    styles.cell,
    typeof value === 'number' && styles.number,
    (style === 'title' || style === 'subtitle' || style === 'header' || style === 'label') &&
      styles.strong,
    style === 'note' && styles.note,
    cell !== undefined && isFormula(cell) && styles.formula,
    (style === 'title' || style === 'note' || style === 'subtitle') && styles.spill
  )
  const address = `${columnLetter(column)}${row + 1}`
  if (workbook.editable(sheet.name, row, column)) {
    return (
      <td className={classes}>
        <input
          className={mergeClasses(
            styles.input,
            (typeof value === 'number' || format?.includes('€') === true) && styles.number
          )}
          aria-label={`${sheet.name} ${address}`}
          defaultValue={shown.replace(/\s€$/, '')}
          onBlur={(e) => {
            const next = typed(e.target.value)
            if (next === value || (next === null && value === null)) return
            workbook.setCell(sheet.name, row, column, next)
            props.onEdit()
          }}
        />
      </td>
    )
  }
  return (
    <td
      className={classes}
      title={cell !== undefined && isFormula(cell) ? `${cell.formula}` : shown || undefined}
    >
      {shown}
    </td>
  )
}
