// Names of professionals replaced by a keyed hash the CPTS chooses, so a dossier can go to a funder without personal data beyond what the law requires.
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { AciError } from '../index'
import { utf8Bytes } from '../rates/canonical'

/** Below this, a key is guessable and the hash of a name list reversible by trying names. */
export const KEY_MIN_LENGTH = 16

export const PSEUDONYM_PREFIX = 'PS-'

/** The same person written « Dr  Anne Martin » or « Dr Anne Martin » gets one pseudonym. */
function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ')
}

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || [...key].length < KEY_MIN_LENGTH) {
    throw new AciError(
      'donnees_invalides',
      `cleDePseudonymisation : texte secret d’au moins ${KEY_MIN_LENGTH} caractères attendu, choisi et gardé par la CPTS (la même clé donne les mêmes pseudonymes d’une année à l’autre).`,
      'cleDePseudonymisation'
    )
  }
  return key
}

/**
 * « PS-» and the first 16 hex digits of HMAC-SHA-256(key, name): stable for one key, so a funder
 * can follow a professional across dossiers of the same CPTS, and unreadable without the key.
 */
export function pseudonymOf(key: string, name: string): string {
  const mac = hmac(sha256, utf8Bytes(key), utf8Bytes(normalizeName(name)))
  return `${PSEUDONYM_PREFIX}${bytesToHex(mac).slice(0, 16)}`
}

/** A function replacing each known name, wherever it appears in a text, by its pseudonym. */
export function pseudonymizer(key: string, names: readonly string[]): (text: string) => string {
  const pairs = [...new Set(names.map(normalizeName))]
    .filter((n) => n !== '')
    // The longest first: « Anne Martin-Durand » before « Anne Martin ».
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((n) => [n, pseudonymOf(key, n)] as const)
  return (text) => {
    let out = text
    for (const [name, pseudonym] of pairs) out = out.split(name).join(pseudonym)
    return out
  }
}
