// Https the browser trusts for the end-to-end tests: Microsoft's developer certificates, and on Linux their CA in a throw-away NSS database that Chromium reads.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devCertificates } from '../../../worker/dev/dev-certs'

interface DevCertsModule {
  generateCertificates(ca: string, cert: string, key: string, days: number): Promise<void>
  isCaCertificateInstalled(returnInvalid?: boolean): boolean
}

const devCerts = createRequire(import.meta.url)('office-addin-dev-certs') as DevCertsModule

/** The files the server serves and, on Linux, the HOME whose NSS database trusts their CA. */
export interface TrustedHttps {
  readonly ca: string
  readonly cert: string
  readonly key: string
  /** HOME for the browser process (its `.pki/nssdb` trusts the CA); undefined: the OS store does. */
  readonly browserHome: string | undefined
  readonly description: string
  /** Removes what the run made (the throw-away certificates and NSS database); nothing for the developer's own. */
  readonly dispose: () => void
}

function run(command: string, args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return {
    ok: result.error === undefined && result.status === 0,
    output: result.error?.message ?? `${result.stdout}${result.stderr}`.trim(),
  }
}

/** NSS's certutil (Debian's libnss3-tools) on PATH; only used on Linux, where Windows' own certutil cannot be. */
export function hasCertutil(): boolean {
  return spawnSync('certutil', ['-H']).error === undefined
}

/**
 * Linux: fresh certificates (valid two days) in a temporary folder and a temporary HOME whose NSS
 * database trusts their CA, as `certutil` sets it up (Debian's libnss3-tools). Never
 * `--ignore-certificate-errors`: the browser checks the chain as Excel's would.
 */
async function throwAwayTrust(): Promise<TrustedHttps | { reason: string }> {
  if (!hasCertutil()) {
    return {
      reason:
        'certutil manquant (paquet Debian libnss3-tools) : la confiance du navigateur dans le certificat ne peut pas être préparée.',
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'aci-e2e-https-'))
  const files = {
    ca: join(root, 'ca.crt'),
    cert: join(root, 'localhost.crt'),
    key: join(root, 'localhost.key'),
  }
  await devCerts.generateCertificates(files.ca, files.cert, files.key, 2)
  const home = join(root, 'home')
  const db = join(home, '.pki', 'nssdb')
  mkdirSync(db, { recursive: true })
  for (const args of [
    ['-N', '-d', `sql:${db}`, '--empty-password'],
    ['-A', '-d', `sql:${db}`, '-t', 'C,,', '-n', 'ACI-CPTS e2e CA', '-i', files.ca],
  ]) {
    const result = run('certutil', args)
    if (!result.ok) {
      rmSync(root, { recursive: true, force: true })
      return { reason: `certutil ${args[0]} a échoué : ${result.output}` }
    }
  }
  return {
    ...files,
    browserHome: home,
    description: 'certificat de test, AC approuvée dans une base NSS temporaire',
    dispose: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** macOS and Windows: the developer's own certificates, whose CA `office-addin-dev-certs install` put in the OS store. */
function developerTrust(): TrustedHttps | { reason: string } {
  const files = devCertificates()
  if (!existsSync(files.cert) || !existsSync(files.key) || !devCerts.isCaCertificateInstalled()) {
    return {
      reason:
        'certificat de développement absent ou non approuvé : lancez « npx office-addin-dev-certs install » une fois.',
    }
  }
  return {
    ca: files.ca,
    cert: files.cert,
    key: files.key,
    browserHome: undefined,
    description: `certificat de développement (${files.directory})`,
    dispose: () => {},
  }
}

export async function trustedHttps(): Promise<TrustedHttps | { reason: string }> {
  return process.platform === 'linux' ? throwAwayTrust() : developerTrust()
}
