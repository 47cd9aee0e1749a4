// Matching words the way a French user types them: any case, with or without accents.

/** "Accès aux Soins " → "acces aux soins"; apostrophes and dashes made plain, spaces collapsed. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/[‐-―_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
