// The dossier as a PDF (A4, French): loaded on demand through loadDossierPdf, never imported statically.
export { dossierPdf, type PdfOptions } from './render'
export { toWinAnsi, WIN_ANSI_REPLACEMENTS } from './text'
