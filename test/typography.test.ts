import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { listFixtures, render } from './fixtures/typography/harness.ts'

const update = process.env['UPDATE'] === '1'

describe('typography fixtures', () => {
  for (const fixture of listFixtures()) {
    it(fixture.name, () => {
      const actual = render(fixture.input, remarkTypography, fixture.options)
      if (update) {
        writeFileSync(new URL('expected.txt', fixture.folder), `${actual}\n`)
        return
      }
      expect(actual).toBe(fixture.expected)
    })
  }
})
