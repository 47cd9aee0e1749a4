// wrangler dev's error output, made readable: a refused TLS handshake becomes one short French line per distinct cause instead of a workerd stack trace.

/** Colour and style codes of a terminal, which wrangler writes even through a pipe. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** OpenSSL's reasons a client gives when it refuses the certificate, and what they mean to a developer. */
const CAUSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/HTTP_REQUEST/, 'une requête en http sur le port https : utilisez une adresse en https://'],
  // A client that rejects the certificate sends an alert; some (curl) abort the record, which the server reads as a bad packet.
  [
    /CERTIFICATE_UNKNOWN|UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_EXPIRED|BAD_PACKET_LENGTH|DECRYPTION_FAILED/,
    'le client (navigateur, Excel) ne fait pas confiance au certificat : lancez une fois « npx office-addin-dev-certs install --days 365 », puis redémarrez-le',
  ],
]

function causeOf(line: string): { key: string; text: string } {
  for (const [pattern, text] of CAUSES) if (pattern.test(line)) return { key: text, text }
  const reason = /OPENSSL_internal:([A-Z0-9_]+)/.exec(line)?.[1] ?? 'cause inconnue'
  return { key: reason, text: `cause OpenSSL ${reason}` }
}

/**
 * A filter of wrangler's error lines: each line in, the line to print out (or null to drop it).
 * A TLS refusal block (its headline, its detail lines and its `stack:` line) is reduced to one line,
 * printed the first time its cause appears; every other line passes unchanged.
 */
export function tlsLogFilter(): (line: string) => string | null {
  const seen = new Set<string>()
  let inBlock = false
  let afterBlock = false
  return (raw) => {
    const line = raw.replace(ANSI, '')
    if (afterBlock) {
      afterBlock = false
      if (line.trim() === '') return null
    }
    if (line.includes('error accepting tls connection')) {
      inBlock = true
      const cause = causeOf(line)
      if (seen.has(cause.key)) return null
      seen.add(cause.key)
      return `Connexion https refusée : ${cause.text}.`
    }
    if (inBlock) {
      if (/^\s*stack:/.test(line)) {
        inBlock = false
        afterBlock = true
      }
      return null
    }
    return raw
  }
}
