// The committed JSON Schema files are exactly what the validating schemas generate.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { publishedSchemas } from '../support/json-schemas'

describe('schémas JSON publiés', () => {
  it.each(publishedSchemas().map((s) => [s.path, s.text]))(
    '%s is up to date (npm run schemas)',
    (path, text) => {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).toBe(text)
    }
  )
})
