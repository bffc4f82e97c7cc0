/**
 * How many typography fixtures each candidate stage gets right: our preset
 * (remarkTypography) and remark-smartypants alone. Smartypants never writes
 * SE's invisible characters, so it is also scored with those stripped from
 * the expected text ("visible"), which is the fairest reading.
 *
 *   node src/run-ts.js bench/typography-baseline.ts
 */
import type { Root } from 'mdast'
import remarkSmartypantsPlugin from 'remark-smartypants'
import type { Plugin } from 'unified'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { listFixtures, render } from '../test/fixtures/typography/harness.ts'

/** Its types name unist's `Node`; it transforms an mdast `Root` like any remark plugin. */
const remarkSmartypants = remarkSmartypantsPlugin as unknown as Plugin<[], Root>

const invisible = /\{(?:WJ|FEFF|HS|NBSP)\}/g
const loose = (text: string): string => text.replace(/\{NBSP\}/g, ' ').replace(invisible, '')

// The English fixtures: smartypants knows no other language's rules (those are under `<language>/`).
const fixtures = listFixtures().filter((fixture) => !fixture.name.includes('/'))
let ours = 0
let smarty = 0
let smartyVisible = 0
const smartyFails: string[] = []
for (const fixture of fixtures) {
  const expected = fixture.expected ?? ''
  if (render(fixture.input, remarkTypography, fixture.options) === expected) ours++
  const baseline = render(fixture.input, remarkSmartypants)
  if (baseline === expected) smarty++
  if (loose(baseline) === loose(expected)) smartyVisible++
  else smartyFails.push(fixture.name)
}

/** Smartypants' defects named in issue 3, counted on the fixtures' inputs. */
/** Counted on fixtures smartypants gets wrong even ignoring invisibles, by what their input holds. */
const defects = {
  'word-initial elision curled as an opening quote (‘til)': 0,
  'spaced or trailing single hyphen left as a hyphen': 0,
  'four dots made one ellipsis (period lost)': 0,
  '-- split by emphasis missed': 0,
  'quote after a hard break read as closing': 0,
  'autolink text edited': 0,
}
for (const fixture of fixtures) {
  const out = render(fixture.input, remarkSmartypants)
  const wrong = loose(out) !== loose(fixture.expected ?? '')
  const input = fixture.input
  if (!wrong) continue
  if (/(^|[\s“"])‘(?:til|tis|twas|em|cause|round|bout|n’|e\b|\d\d)/im.test(out)) defects['word-initial elision curled as an opening quote (‘til)']++
  if (/(^|\s)-(\s|$|["'”’)])/m.test(out)) defects['spaced or trailing single hyphen left as a hyphen']++
  if (/\.(?:[ \t]?\.){3}/.test(input)) defects['four dots made one ellipsis (period lost)']++
  if (/-[*_]+-|[*_]-[*_]/.test(input)) defects['-- split by emphasis missed']++
  if (/["']\\\n|\\\n["']/.test(input)) defects['quote after a hard break read as closing']++
  if (/<[^>\s]*(?:--|\.\.\.|')[^>\s]*>/.test(input)) defects['autolink text edited']++
}

console.log(`fixtures: ${fixtures.length}`)
console.log(`remarkTypography (our preset): ${ours} right`)
console.log(`remark-smartypants alone: ${smarty} right exactly, ${smartyVisible} right ignoring invisible characters`)
for (const [name, count] of Object.entries(defects)) console.log(`  ${count}\t${name}`)
if (process.argv.includes('--list')) console.log(smartyFails.join('\n'))
