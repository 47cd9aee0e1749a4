// Benchmark of the shared core: taille, fonctionnement, variable, enveloppe against plain-number baselines.
import {
  bundledCatalog,
  enveloppe,
  fonctionnement,
  MISSION_CODES,
  taille,
  variable,
} from '../../shared'
import { measure, printTitle, printVersus } from './harness'

export default function benchCore(): void {
  const table = bundledCatalog().byVersionId('aci-avenant-2')
  const populations = Array.from({ length: 1024 }, (_, i) => (i * 7919) % 400_000)
  const rates = Array.from({ length: 1024 }, (_, i) => (i % 101) / 100)
  const missions = MISSION_CODES
  const thresholds = [40_000, 80_000, 175_000]
  const plainAmounts = [50_000, 60_000, 75_000, 90_000]
  const plainVariable = [25_000, 30_000, 35_000, 45_000]

  printTitle('Cœur partagé (un cœur, Node) — par appel, barème passé résolu')
  const tailleBase = measure('base : seuils en nombres', (i) => {
    const p = populations[i & 1023] as number
    return p < (thresholds[0] as number)
      ? 1
      : p < (thresholds[1] as number)
        ? 2
        : p < (thresholds[2] as number)
          ? 3
          : 4
  })
  printVersus(
    measure('taille(population)', (i) => taille(populations[i & 1023], table)),
    tailleBase
  )

  const lookupBase = measure('base : lecture de tableau', (i) => plainAmounts[i & 3])
  printVersus(
    measure('fonctionnement(taille)', (i) => fonctionnement((i & 3) + 1, table)),
    lookupBase,
    {
      opsPerSecond: 10_000_000,
    }
  )

  const multiplyBase = measure(
    'base : multiplication flottante',
    (i) => (plainVariable[i & 3] as number) * (rates[i & 1023] as number)
  )
  printVersus(
    measure('variable(mission, taille, taux)', (i) =>
      variable(missions[i % 6], (i & 3) + 1, rates[i & 1023], table)
    ),
    multiplyBase,
    { opsPerSecond: 1_000_000 }
  )
  printVersus(
    measure('enveloppe(mission, taille)', (i) =>
      enveloppe(missions[i % 6], (i & 3) + 1, null, table)
    ),
    multiplyBase
  )
  printVersus(
    measure(
      'variable(…) version du jour',
      (i) => variable('parcours', (i & 3) + 1, rates[i & 1023], undefined),
      { batch: 20_000 }
    ),
    multiplyBase
  )
}
