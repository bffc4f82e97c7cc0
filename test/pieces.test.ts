import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../bench/lib/prng.ts'
import { prose } from '../bench/lib/prose.ts'
import { joinPieces, placePiece, splitText } from '../src/workers/pieces.ts'
import { createRunner, type TextResult } from '../src/workers/tasks.ts'

/**
 * A long text typeset in pieces gives what the whole text gives: the same
 * XHTML, word count, messages and lint findings at the same lines and
 * columns. Checked on generated prose and on the sample book's scenes
 * (scene breaks, emphasis, lint findings), cut into many small pieces.
 */
const run = createRunner({ wordJoiner: 'u2060', language: 'en', lint: true })
const typeset = (value: string): TextResult => run({ kind: 'text', source: { path: 'long.md', value } }) as TextResult

function inPieces(value: string, size: number): TextResult | undefined {
  const pieces = splitText(value, size)
  if (!pieces) return undefined
  return joinPieces(pieces.map((piece) => placePiece(typeset(piece.value), piece.lines, piece.offset)))
}

const sample = readdirSync('manuscript/chapters/01-prologue')
  .filter((name) => name.endsWith('.md') && !name.startsWith('end'))
  .map((name) => readFileSync(join('manuscript/chapters/01-prologue', name), 'utf8'))
  .join('\n\n')

function byPlace(lint: TextResult['lint']): TextResult['lint'] {
  const at = (place: unknown): number => ((place as { line?: number })?.line ?? 0) * 1e6 + ((place as { column?: number })?.column ?? 0)
  return lint && { ...lint, messages: [...lint.messages].sort((a, b) => at(a.place) - at(b.place)) }
}

describe('typesetting a long text in pieces', () => {
  it.each([
    ['generated prose', prose(mulberry32(3), 20_000, { sceneBreak: true })],
    ['the sample book’s scenes', sample],
  ])('gives what the whole text gives: %s', (_name, text) => {
    const whole = typeset(text)
    const pieces = inPieces(text, 2_000)
    expect(splitText(text, 2_000)?.length).toBeGreaterThan(3)
    // The lint's findings come rule by rule in a whole text and piece by piece here; the book's lint sorts them by place.
    expect(pieces && { ...pieces, lint: byPlace(pieces.lint) }).toEqual({ ...whole, lint: byPlace(whole.lint) })
  })

  it('leaves whole a text with footnotes, images, definitions or HTML', () => {
    for (const tie of ['A note.[^1]\n\n[^1]: The note.', '![A map](map.png)', '[a][b]\n\n[b]: https://example.com', 'Some <em>HTML</em>.']) {
      expect(splitText(`${prose(mulberry32(1), 5_000)}\n\n${tie}\n`, 2_000)).toBeUndefined()
    }
  })
})
