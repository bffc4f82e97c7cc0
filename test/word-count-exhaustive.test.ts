import { describe, expect, it } from 'vitest'
import { countWordLike } from '../src/render/count-word-like.ts'
import { astralIndex, WordClass, wordClassTable } from '../src/render/word-break-classes.ts'

/**
 * The one-pass word counter's class table, checked against Intl.Segmenter
 * for every code point it handles, each among its neighbours: some two
 * million probes, exhaustive rather than sampled, so in the slow project
 * (test/word-count.test.ts holds the quick checks: the table is the one
 * derived from this engine, and the counts on generated texts).
 */
describe('the word-break class table, every code point', () => {
  it('gives every character the counter handles the class Intl.Segmenter treats it as, next to letters, digits, punctuation, marks and emoji', () => {
    const table = wordClassTable()
    const company = ['a', 'א', '1', '_', ':', '.', ',', "'", '"', ' ', '\u0301', '\u00AD', '\u200D', '😀', '\n', '\u{1F3FB}']
    const probes: string[] = []
    let handled = 0
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue
      const at = codePoint < 0x10000 ? codePoint : astralIndex(codePoint)
      const value = at < 0 ? WordClass.Bail : table[at]
      if (value === WordClass.Bail) continue
      handled++
      const c = String.fromCodePoint(codePoint)
      probes.push(c, c + c, `a${c}1`, `1${c}a`, `א${c}a`, `a${c}א`, `a${c}${c}a`, `1${c}${c}1`)
      for (const other of company) probes.push(other + c, c + other, other + c + other)
    }
    // The segmenter reads the probes a few thousand at a time, one per line (a line break always ends a segment).
    const unlike: string[] = []
    let compared = 0
    for (let first = 0; first < probes.length; first += 1000) {
      const batch = probes.slice(first, first + 1000)
      const starts: number[] = []
      let offset = 0
      for (const probe of batch) {
        starts.push(offset)
        offset += probe.length + 1
      }
      const icu = new Array<number>(batch.length).fill(0)
      let probe = 0
      for (const segment of new Intl.Segmenter('en', { granularity: 'word' }).segment(batch.join('\n'))) {
        while (probe + 1 < batch.length && (starts[probe + 1] ?? 0) <= segment.index) probe++
        if (segment.isWordLike) icu[probe] = (icu[probe] ?? 0) + 1
      }
      batch.forEach((text, index) => {
        const fast = countWordLike(text)
        if (fast < 0) return
        compared++
        if (fast !== icu[index]) unlike.push(`${JSON.stringify(text)}: ${fast}, Intl.Segmenter ${icu[index]}`)
      })
    }
    expect(unlike.slice(0, 20)).toEqual([])
    expect(handled).toBeGreaterThan(15_000)
    expect(compared).toBeGreaterThan(probes.length * 0.9)
  }, 300_000)
})
