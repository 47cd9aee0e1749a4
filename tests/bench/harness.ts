// A small benchmark harness: operations per second beside a baseline measured in the same run, printed as figures and ratios.
import { performance } from 'node:perf_hooks'

export interface Measure {
  readonly name: string
  /** Operations per second (median of the rounds). */
  readonly opsPerSecond: number
  /** Median time per operation, in microseconds. */
  readonly microsPerOp: number
}

/** Runs `op` in timed rounds of `batch` calls and keeps the median round: steady figures on a busy machine. */
export function measure(
  name: string,
  op: (i: number) => unknown,
  options: { batch?: number; rounds?: number } = {}
): Measure {
  const batch = options.batch ?? 100_000
  const rounds = options.rounds ?? 7
  let sink: unknown
  for (let i = 0; i < Math.min(batch, 20_000); i++) sink = op(i) // warm-up: let the JIT settle
  const perOp: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (let i = 0; i < batch; i++) sink = op(i)
    perOp.push((performance.now() - start) / batch)
  }
  if (sink === Symbol.for('never')) console.log(sink) // keeps the result alive
  perOp.sort((a, b) => a - b)
  const median = perOp[Math.floor(perOp.length / 2)] as number
  return { name, opsPerSecond: 1000 / median, microsPerOp: median * 1000 }
}

/** Time of one call of an async or sync task, median of rounds, in milliseconds. */
export async function timeMs(task: () => unknown, rounds = 9): Promise<number> {
  await task()
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/** The median of some figures. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
}

/**
 * Time per call of several tasks measured in turns, so that they see the same machine: after
 * `warmUp` calls of each, 9 rounds of `calls` calls of each, the order turning each round, so
 * that no task always follows the one whose garbage is collected during the next. Each task's
 * time per call in each round, in ms: the process's CPU time (`cpu`) or the wall clock's.
 */
async function inTurns(
  tasks: Record<string, () => unknown>,
  calls: number,
  options: { readonly clock: 'cpu' | 'wall'; readonly warmUp: number }
): Promise<Record<string, number[]>> {
  const names = Object.keys(tasks)
  for (const name of names) {
    const task = tasks[name] as () => unknown
    for (let i = 0; i < options.warmUp; i++) await task()
  }
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < 9; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length] as string
      const task = tasks[name] as () => unknown
      const cpu = process.cpuUsage()
      const wall = performance.now()
      for (let i = 0; i < calls; i++) await task()
      const used = process.cpuUsage(cpu)
      const ms =
        options.clock === 'cpu' ? (used.user + used.system) / 1000 : performance.now() - wall
      times[name]?.push(ms / calls)
    }
  }
  return times
}

/**
 * inTurns, summed up for each task: the median of its time per call, and the median of its
 * per-round ratio to the first task (the baseline), both measured on the same machine's state.
 */
export async function medianInTurns<K extends string>(
  tasks: Record<K, () => unknown>,
  calls: number,
  options: { readonly clock: 'cpu' | 'wall'; readonly warmUp: number }
): Promise<Record<K, { ms: number; ratio: number }>> {
  const times = await inTurns(tasks, calls, options)
  const baseline = times[Object.keys(tasks)[0] as string] as number[]
  return Object.fromEntries(
    Object.entries(times).map(([name, own]) => [
      name,
      { ms: median(own), ratio: median(own.map((t, r) => t / (baseline[r] as number))) },
    ])
  ) as Record<K, { ms: number; ratio: number }>
}

const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const fmt2 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 })

export function printTitle(title: string): void {
  console.log(`\n## ${title}`)
}

/** One line: the figure, and its ratio against the baseline of the same run. */
export function printVersus(
  subject: Measure,
  baseline: Measure,
  target?: { opsPerSecond: number }
): void {
  const ratio = baseline.opsPerSecond / subject.opsPerSecond
  const goal = target
    ? `  cible ≥ ${fmt.format(target.opsPerSecond)}/s : ${subject.opsPerSecond >= target.opsPerSecond ? 'atteinte' : 'NON atteinte'}`
    : ''
  console.log(
    `${subject.name.padEnd(34)} ${fmt.format(subject.opsPerSecond).padStart(14)} op/s  ${fmt2.format(subject.microsPerOp).padStart(8)} µs/op   temps ×${fmt2.format(ratio)} celui de « ${baseline.name} » (${fmt.format(baseline.opsPerSecond)} op/s)${goal}`
  )
}

export function printFigure(name: string, value: string, note = ''): void {
  console.log(`${name.padEnd(34)} ${value.padStart(14)}  ${note}`)
}
