// The filter of wrangler's error output: a refused https handshake is one French line per cause, never a workerd stack trace.
import { describe, expect, it } from 'vitest'
import { tlsLogFilter } from '../../worker/dev/tls-log'

const ESC = String.fromCharCode(27)
/** A refusal as workerd prints it through wrangler (colours included), the stack shortened. */
function refusal(reason: string, client: number): string[] {
  return [
    `${ESC}[31m✘ ${ESC}[41;31m[${ESC}[41;97mERROR${ESC}[41;31m]${ESC}[0m ${ESC}[1merror accepting tls connection; kj::mv(e) = kj/compat/tls.c++:82: failed: OpenSSL error; message = error:10000070:SSL routines:OPENSSL_internal:${reason}${ESC}[0m`,
    '',
    `  error:1000008b:SSL routines:OPENSSL_internal:DECRYPTION_FAILED_OR_BAD_RECORD_MAC; clientId = 127.0.0.1:${client}`,
    '  stack: node_modules/@cloudflare/workerd-linux-64/bin/workerd@3578490 node_modules/@cloudflare/workerd-linux-64/bin/workerd@357f450',
    '',
  ]
}

function shown(lines: readonly string[]): string[] {
  const filter = tlsLogFilter()
  return lines.map(filter).filter((line): line is string => line !== null)
}

describe('sortie d’erreur de wrangler dev', () => {
  it('réduit chaque refus de certificat à une ligne, une seule fois par cause', () => {
    const out = shown([
      ...refusal('SSLV3_ALERT_CERTIFICATE_UNKNOWN', 1),
      ...refusal('SSLV3_ALERT_CERTIFICATE_UNKNOWN', 2),
      ...refusal('BAD_PACKET_LENGTH', 3),
    ])
    expect(out).toEqual([
      'Connexion https refusée : le client (navigateur, Excel) ne fait pas confiance au certificat : lancez une fois « npx office-addin-dev-certs install --days 365 », puis redémarrez-le.',
    ])
    expect(out.join('\n')).not.toContain('stack')
  })

  it('distingue une requête http sur le port https et une cause inconnue', () => {
    const out = shown([...refusal('HTTP_REQUEST', 1), ...refusal('NO_SHARED_CIPHER', 2)])
    expect(out).toEqual([
      'Connexion https refusée : une requête en http sur le port https : utilisez une adresse en https://.',
      'Connexion https refusée : cause OpenSSL NO_SHARED_CIPHER.',
    ])
  })

  it('laisse passer toute autre ligne telle quelle, même entre deux refus', () => {
    const other = `${ESC}[33m▲ [WARNING]${ESC}[0m Une autre alerte de wrangler`
    const out = shown([...refusal('HTTP_REQUEST', 1), other, '', 'Erreur du Worker : TypeError'])
    expect(out.slice(1)).toEqual([other, '', 'Erreur du Worker : TypeError'])
  })
})
