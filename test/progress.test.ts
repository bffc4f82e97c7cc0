import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { barLine, createProgress, progressMode } from '../src/progress/index.ts'
import { colophon } from './helpers/cli.ts'
import { smallManuscript } from './helpers/manuscript.ts'

describe('build progress', () => {
  it('without a terminal, prints one line per stage on stderr, in order, and nothing on stdout', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'colophon-progress-'))
    // A book whose shape the summaries must count: 2 chapters of 2 and 1 scenes, a head note, a front page.
    const manuscript = await smallManuscript({
      'chapters/01-one/02-scene.md': 'A second scene.\n',
      'chapters/02-two/01-scene.md': 'A third scene.\n',
      'chapters/02-two/head-note.md': 'A note before the chapter.\n',
      'front/01-dedication.md': 'For the rain.\n',
    })
    const cases: Array<Record<string, string>> = [{}, { CI: 'true' }]
    for (const extra of cases) {
      const run = await colophon(['build', manuscript, '--out', join(folder, 'book.epub'), '--no-cache'], { env: extra })
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toBe('')
      // Lint warnings, when the sample has some, are reported between the stage lines and `wrote`.
      const lines = run.stderr.trim().split('\n').filter((line) => line.startsWith('colophon: '))
      expect(lines.map((line) => /^colophon: (\w+)/.exec(line)?.[1])).toEqual(['building', 'load', 'typeset', 'render', 'package', 'verify', 'lint', 'wrote'])
      expect(lines[1]).toMatch(/^colophon: load: 2 chapters, 3 scenes \(\d+\.\d\d s\)$/)
      // 3 scenes, the head note and the front page.
      expect(lines[2]).toMatch(/^colophon: typeset: 5 texts \(\d+\.\d\d s\)$/)
      expect(run.stderr).not.toMatch(/\r|\u001b/)
    }
  })

  it('picks lines in CI or without a terminal, a bar on a terminal', () => {
    expect(progressMode({ isTTY: true }, {})).toBe('bar')
    expect(progressMode({ isTTY: true }, { CI: 'true' })).toBe('lines')
    expect(progressMode({ isTTY: true }, { CI: 'false' })).toBe('bar')
    expect(progressMode({ isTTY: false }, {})).toBe('lines')
    expect(progressMode({}, {})).toBe('lines')
  })

  it('on a terminal, redraws one bar of chapters done and elapsed time in place, then clears it', () => {
    let clock = 0
    let written = ''
    const progress = createProgress('bar', { write: (text: string) => (written += text) }, () => clock)
    progress.listener({ type: 'start', stage: 'load' })
    expect(written).toBe('') // short builds show no bar
    clock = 300
    progress.listener({ type: 'start', stage: 'typeset' })
    progress.listener({ type: 'chapters', done: 0, total: 4 }) // within 80 ms of the last draw: not redrawn
    clock = 400
    progress.listener({ type: 'chapters', done: 2, total: 4 })
    clock = 420
    progress.listener({ type: 'chapters', done: 3, total: 4 }) // within 80 ms: not redrawn
    progress.done()
    expect(written).toBe(
      `\r\u001b[K${barLine('typeset', 0, 0, 300)}\r\u001b[K${barLine('typeset', 2, 4, 400)}\r\u001b[K`,
    )
    expect(barLine('typeset', 2, 4, 1234)).toBe('colophon [############············] 2/4 chapters  typeset  1.2 s')
  })
})
