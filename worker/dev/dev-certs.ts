// Microsoft's developer certificates for Office add-ins (office-addin-dev-certs): where they live, whether they can serve https.
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'

/** The files `npx office-addin-dev-certs install` writes, in the user's home (the package's own defaults). */
export interface DevCertificates {
  readonly directory: string
  readonly ca: string
  readonly cert: string
  readonly key: string
}

export function devCertificates(home: string = homedir()): DevCertificates {
  const directory = path.join(home, '.office-addin-dev-certs')
  return {
    directory,
    ca: path.join(directory, 'ca.crt'),
    cert: path.join(directory, 'localhost.crt'),
    key: path.join(directory, 'localhost.key'),
  }
}

export type CertificateState =
  | { readonly kind: 'ready'; readonly cert: string; readonly key: string; readonly validTo: Date }
  | { readonly kind: 'absent' }
  | { readonly kind: 'expired'; readonly validTo: Date }
  | { readonly kind: 'unreadable'; readonly reason: string }

/** The certificate to serve: the one named by wrangler's variables, else Microsoft's developer certificate. */
export function certificateState(
  env: NodeJS.ProcessEnv,
  files: DevCertificates = devCertificates(),
  now: Date = new Date()
): CertificateState {
  const cert = env.WRANGLER_HTTPS_CERT_PATH || files.cert
  const key = env.WRANGLER_HTTPS_KEY_PATH || files.key
  if (!existsSync(cert) || !existsSync(key)) return { kind: 'absent' }
  try {
    const validTo = new Date(new X509Certificate(readFileSync(cert)).validTo)
    if (validTo.getTime() <= now.getTime()) return { kind: 'expired', validTo }
    return { kind: 'ready', cert, key, validTo }
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) }
  }
}

/** The one line that says what to run when the certificate cannot be used. */
export function certificateAdvice(state: CertificateState): string | undefined {
  const install = 'npx office-addin-dev-certs install --days 365'
  switch (state.kind) {
    case 'ready':
      return undefined
    case 'absent':
      return `Certificat de développement absent : lancez une fois « ${install} » (Excel et le navigateur lui feront confiance), puis relancez npm start. En attendant, wrangler sert un certificat auto-signé que ni Excel ni le navigateur n’acceptent.`
    case 'expired':
      return `Certificat de développement expiré le ${state.validTo.toLocaleDateString('fr-FR')} : lancez « npx office-addin-dev-certs uninstall » puis « ${install} », puis relancez npm start.`
    case 'unreadable':
      return `Certificat de développement illisible (${state.reason}) : lancez « npx office-addin-dev-certs uninstall » puis « ${install} ».`
  }
}
