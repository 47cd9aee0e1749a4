// The file name of a dossier, the same for the pane's download and the Worker's answer.
import type { Dossier } from './schema'

/** « dossier-2025-cpts-des-deux-rives.pdf »: ASCII letters, digits and hyphens, safe in any header or file system. */
export function dossierFileName(dossier: Dossier, extension: 'pdf' | 'json'): string {
  const { debut, fin } = dossier.cpts.exercice
  const year =
    debut.slice(0, 4) === fin.slice(0, 4)
      ? fin.slice(0, 4)
      : `${debut.slice(0, 4)}-${fin.slice(0, 4)}`
  const slug = dossier.cpts.nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `dossier-${year}${slug === '' ? '' : `-${slug}`}.${extension}`
}
