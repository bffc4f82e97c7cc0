import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, colophon, ROOT } from './helpers/cli.ts'
import { ARTIFACTS, launchBrowser, runReaderTests, waitForBook, type Browser } from './helpers/reader.ts'

/** Resolve when `test()` holds, checking every 50 ms, for up to a minute. */
async function until(test: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (test()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/** `colophon preview` as a user starts it, in a temporary copy of the sample manuscript. */
describe.runIf(runReaderTests)('colophon preview', () => {
  let folder: string
  let child: ChildProcess
  let stderr = ''
  let url: string
  let browser: Browser

  const shown = (): Promise<string> => browser.page.evaluate('window.colophonReader.text()') as Promise<string>

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'colophon-preview-'))
    await cp(join(ROOT, 'manuscript'), join(folder, 'manuscript'), { recursive: true })
    child = spawn(process.execPath, [BIN, 'preview', 'manuscript', '--no-open'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    await until(() => /at http:\/\/127\.0\.0\.1:\d+\//.test(stderr), `the preview's address on standard error:\n${stderr}`)
    url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)![1]!
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    child?.kill('SIGTERM')
  })

  it('serves the book on 127.0.0.1 in foliate-js', async () => {
    await browser.page.goto(url)
    await waitForBook(browser.page, 1)
    const toc = (await browser.page.evaluate('window.colophonReader.toc()')) as Array<{ label: string; href: string }>
    const chapter = toc.find((entry) => /Prologue/.test(entry.label))!
    expect(chapter).toBeDefined()
    await browser.page.evaluate(`window.colophonReader.show(${JSON.stringify(chapter.href)})`)
    expect(await shown()).toMatch(/Khan had left no precedents/)
  })

  it('shows a saved edit of a scene file in the reader', async () => {
    const scene = join(folder, 'manuscript', 'chapters', '01-prologue', '01-sequence.md')
    const text = await readFile(scene, 'utf8')
    const edited = text.replace('Khan had left no precedents.', 'Khan had left a freshly saved sentence behind.')
    expect(edited).not.toBe(text)
    const saved = Date.now()
    await writeFile(scene, edited)
    await browser.page.waitForFunction('window.colophonReader.text().includes("a freshly saved sentence behind")', undefined, { timeout: 60_000, polling: 20 })
    const latency = Date.now() - saved
    await mkdir(ARTIFACTS, { recursive: true })
    await writeFile(join(ARTIFACTS, 'preview-latency.txt'), `save → new text shown in foliate-js: ${latency} ms\n`)
    await browser.page.screenshot({ path: join(ARTIFACTS, 'preview-after-edit.png') })
    expect(await shown()).not.toMatch(/Khan had left no precedents/)
    expect(browser.problems).toEqual([])
  })

  it('shows a build error at file:line:col in the page and the terminal, then recovers', async () => {
    const yaml = join(folder, 'manuscript', 'book.yaml')
    const good = await readFile(yaml, 'utf8')
    const lines = good.split('\n').length
    await writeFile(yaml, `${good.trimEnd()}\ntitel: Oops\n`)
    await browser.page.waitForFunction('document.body.dataset.error === "true"', undefined, { timeout: 60_000 })
    const shownError = (await browser.page.evaluate('window.colophonReader.errors()')) as string
    expect(shownError).toMatch(new RegExp(`manuscript/book\\.yaml:${lines}:1: error .*did you mean \`title\``))
    await until(() => new RegExp(`manuscript/book\\.yaml:${lines}:1: error`).test(stderr), 'the error on standard error')
    await browser.page.screenshot({ path: join(ARTIFACTS, 'preview-build-error.png') })

    const generation = Number(await browser.page.evaluate('document.body.dataset.generation'))
    await writeFile(yaml, good)
    await waitForBook(browser.page, generation + 1)
    expect(await browser.page.evaluate('window.colophonReader.errors()')).toBe('')
    expect(browser.problems).toEqual([])
  })
})

describe('colophon preview usage', () => {
  it('has help with an example, and exits 2 on a bad port or target', async () => {
    const help = await colophon(['preview', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: colophon preview/)
    expect(help.stdout).toMatch(/Example/)
    const port = await colophon(['preview', 'manuscript', '--no-open', '--port', 'eighty'])
    expect(port.code).toBe(2)
    expect(port.stderr).toMatch(/--port `eighty` is not a port/)
    const target = await colophon(['preview', 'manuscript', '--no-open', '--target', 'all'])
    expect(target.code).toBe(2)
    expect(target.stderr).toMatch(/--target `all` is not one target/)
  })
})
