// The budget's text imports from a file's bytes: decoded by the core's decoder (UTF-8, Windows-1252, ISO-8859-15), said which, and never a U+FFFD in the data.
import { AciError } from '../errors'
import {
  type DecodeOptions,
  decodeText,
  type Encodage,
  type EncodageSource,
  encodageLabel,
} from '../text/decode'

/** What a text import read its file as: undefined when it was given text already decoded. */
export interface ImportEncoding {
  readonly encodage: Encodage | undefined
  readonly source: EncodageSource | undefined
  /** « Windows-1252 (détecté) », for the message that reports the import; undefined for text. */
  readonly encodageLibelle: string | undefined
}

const REPLACEMENT = '\ufffd'

/**
 * Refuses text that already holds U+FFFD: a file read in an encoding that was not its own (a
 * Windows-1252 CSV read as UTF-8 by `File.text()`). The message names the line and says what to do.
 */
export function refuseReplacement(text: string, what: string): void {
  const at = text.indexOf(REPLACEMENT)
  if (at < 0) return
  let line = 1
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++
  throw new AciError(
    'encodage_invalide',
    `${what}, ligne ${line} : caractère illisible (�) ; le fichier a probablement été enregistré dans un autre encodage que celui avec lequel il a été lu. Enregistrez-le en « CSV UTF-8 (délimité par des points-virgules) », ou importez le fichier lui-même (ses octets Windows-1252 sont lus tels quels).`,
    'encodage'
  )
}

/**
 * The text of an import: bytes go through decodeText (a declared charset wins), text is taken as
 * is. Either way a U+FFFD in it is refused: nothing misread reaches the data.
 */
export function importText(
  input: Uint8Array | string,
  what: string,
  options: DecodeOptions = {}
): { readonly text: string } & ImportEncoding {
  if (typeof input === 'string') {
    refuseReplacement(input, what)
    return { text: input, encodage: undefined, source: undefined, encodageLibelle: undefined }
  }
  const decoded = decodeText(input, options)
  refuseReplacement(decoded.text, what)
  const how =
    decoded.source === 'bom' ? 'marque BOM' : decoded.source === 'declare' ? 'déclaré' : 'détecté'
  return {
    text: decoded.text,
    encodage: decoded.encodage,
    source: decoded.source,
    encodageLibelle: `${encodageLabel(decoded.encodage)} (${how})`,
  }
}
