// The Workers static-assets `_headers` file of the add-in's files: who may frame the pane, where its scripts come from, no MIME sniffing; and the favicon.

/**
 * The Office hosts that frame a task pane in Excel on the web, from Microsoft's list of Microsoft 365
 * hosts (`*.cloud.microsoft`, `*.microsoft365.com`, `*.office.com`), Office for the web's own frame
 * (`*.officeapps.live.com`) and the pages that open a workbook (OneDrive, SharePoint, Office 365).
 * `frame-ancestors` checks every ancestor, so each level of that chain is listed; desktop Excel loads
 * the pane as a top-level page, which `frame-ancestors` does not restrict.
 */
export const OFFICE_FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
]

/** office.js and the files it loads come from Microsoft's CDN; everything else from this origin. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com'

export const TASKPANE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_CDN}`,
  // Fluent UI (Griffel) inserts its style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src 'self' ${OFFICE_CDN}`,
  `frame-src 'self' ${OFFICE_CDN}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
].join('; ')

/** The `_headers` file: every static file gets nosniff and the referrer policy, the pages get the CSP. */
export function staticHeaders(): string {
  return [
    '# Headers of the add-in files served by Workers static assets (the API sets its own, stricter).',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '/taskpane.html',
    `  Content-Security-Policy: ${TASKPANE_CSP}`,
    '',
  ].join('\n')
}

/** An ICO file holding one PNG image (the format browsers and Windows read since Vista). */
export function icoOfPng(png: Uint8Array, size: number): Uint8Array {
  const header = new Uint8Array(22)
  const view = new DataView(header.buffer)
  view.setUint16(0, 0, true) // reserved
  view.setUint16(2, 1, true) // type: icon
  view.setUint16(4, 1, true) // one image
  header[6] = size >= 256 ? 0 : size
  header[7] = size >= 256 ? 0 : size
  view.setUint16(10, 1, true) // colour planes
  view.setUint16(12, 32, true) // bits per pixel
  view.setUint32(14, png.length, true)
  view.setUint32(18, header.length, true)
  const ico = new Uint8Array(header.length + png.length)
  ico.set(header)
  ico.set(png, header.length)
  return ico
}
