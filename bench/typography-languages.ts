/**
 * Score the typography preset per language on the fixtures under
 * test/fixtures/typography/<language>/: how many cases it sets right, of
 * how many. With `--pandoc`, pandoc (`markdown+smart`, `-M lang=`) is scored
 * on the same cases, one pandoc run per language, so a later session can
 * compare (issue 19 scored pandoc, pandoc-quotes.lua, docutils and typograf
 * on a set of its own). Two readings: exact (every space and joiner as the
 * reference asks) and loose (no-break and narrow spaces read as a space,
 * joiners and hair spaces ignored), the fairest for a tool that writes no
 * invisible characters. The fixtures were written with these rules, so
 * colophon's own score shows that none regressed; the set kept aside by
 * issue 19 is the independent measure.
 *
 *   node src/run-ts.js bench/typography-languages.ts [--pandoc] [--list]
 */
import { execFileSync } from 'node:child_process'
import { remarkTypography } from '../src/normalise/typography/index.ts'
import { listFixtures, render, type Fixture } from '../test/fixtures/typography/harness.ts'

const withPandoc = process.argv.includes('--pandoc')
const list = process.argv.includes('--list')

/** The fixtures' markers for invisible characters, back to the characters. */
const real = (text: string): string =>
  text.replace(/\{WJ\}/g, '\u2060').replace(/\{NNBSP\}/g, '\u202F').replace(/\{NBSP\}/g, '\u00A0').replace(/\{HS\}/g, '\u200A').replace(/\{FEFF\}/g, '\uFEFF')
/** What a reader sees, tags gone: the fixtures' expected text keeps raw HTML's tags, pandoc's HTML has its own. */
const shown = (text: string): string =>
  real(text)
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
const loose = (text: string): string => text.replace(/[\u00A0\u202F]/g, ' ').replace(/[\u2060\u200A\uFEFF]/g, '')

/** Each case's text as pandoc sets it: all of one language's cases in one run, split at marker paragraphs. */
function pandocOutputs(language: string, fixtures: readonly Fixture[]): string[] {
  const marker = (index: number): string => `QQSPLIT${index}QQ`
  const document = fixtures.map((fixture, index) => `${marker(index)}\n\n${fixture.input.trim()}\n\n`).join('')
  const html = execFileSync('pandoc', ['-f', 'markdown+smart', '-t', 'html', '--wrap=none', '-M', `lang=${language}`], {
    input: document,
    encoding: 'utf8',
    // pandoc warns of translations it lacks (for LaTeX's terms), nothing to do with the text.
    stdio: ['pipe', 'pipe', 'ignore'],
  })
  const parts = html.split(/<p>QQSPLIT\d+QQ<\/p>\n?/)
  return parts.slice(1)
}

interface Score {
  total: number
  exact: number
  loose: number
  wrong: string[]
}

const byLanguage = new Map<string, Fixture[]>()
for (const fixture of listFixtures()) {
  const language = fixture.name.includes('/') ? fixture.name.split('/')[0]! : 'en'
  byLanguage.set(language, [...(byLanguage.get(language) ?? []), fixture])
}

const rows: string[] = []
const sums = { total: 0, ours: 0, oursLoose: 0, pandoc: 0, pandocLoose: 0 }
for (const [language, fixtures] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) {
  const ours: Score = { total: fixtures.length, exact: 0, loose: 0, wrong: [] }
  const theirs: Score = { total: fixtures.length, exact: 0, loose: 0, wrong: [] }
  const pandoc = withPandoc ? pandocOutputs((fixtures[0]!.options?.['language'] as string | undefined) ?? language, fixtures) : []
  fixtures.forEach((fixture, index) => {
    const expected = shown(fixture.expected ?? '')
    const actual = shown(render(fixture.input, remarkTypography, fixture.options))
    if (actual === expected) ours.exact++
    else ours.wrong.push(fixture.name)
    if (loose(actual) === loose(expected)) ours.loose++
    if (withPandoc) {
      const output = shown(pandoc[index] ?? '')
      if (output === expected) theirs.exact++
      else theirs.wrong.push(fixture.name)
      if (loose(output) === loose(expected)) theirs.loose++
    }
  })
  sums.total += fixtures.length
  sums.ours += ours.exact
  sums.oursLoose += ours.loose
  sums.pandoc += theirs.exact
  sums.pandocLoose += theirs.loose
  rows.push(`| ${language} | ${ours.exact} / ${ours.total} | ${ours.loose} |${withPandoc ? ` ${theirs.exact} | ${theirs.loose} |` : ''}`)
  if (list && ours.wrong.length > 0) rows.push(`|  | wrong: ${ours.wrong.join(', ')} | |${withPandoc ? ' | |' : ''}`)
}
console.log(`| language | colophon, exact (right / cases) | colophon, loose |${withPandoc ? ' pandoc 2 markdown+smart, exact | pandoc, loose |' : ''}`)
console.log(`| --- | ---: | ---: |${withPandoc ? ' ---: | ---: |' : ''}`)
console.log(rows.join('\n'))
console.log(`| all | ${sums.ours} / ${sums.total} | ${sums.oursLoose} |${withPandoc ? ` ${sums.pandoc} | ${sums.pandocLoose} |` : ''}`)
