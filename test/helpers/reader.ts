import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.ts'
import { ROOT } from './cli.ts'

/** Debian's Chromium; browsers are never downloaded here. */
export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
/** The reader tests run where Chromium is installed, and always in CI. */
export const runReaderTests = hasChromium || process.env.CI === 'true'

/** Screenshots the reader tests keep (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test', 'artifacts')

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const IFRAME_SANDBOX_NOTE = /^An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\.$/

export interface TocItem {
  label: string
  href: string
  depth: number
}

export interface ShownImage {
  alt: string
  width: number
}

export interface Landmark {
  type: string[]
  href: string
  label: string
}

export interface Browser {
  context: BrowserContext
  page: Page
  /**
   * Console errors and warnings, page errors and refused requests, as they
   * happened. foliate-js warns when an XHTML file is not well-formed and it
   * falls back to HTML parsing, so every warning counts as a problem.
   */
  problems: string[]
  close(): Promise<void>
}

/**
 * Headless Chromium in a fresh profile, allowed to reach 127.0.0.1 only:
 * any other request is refused and recorded as a problem.
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'colophon-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 800, height: 1000 },
  })
  const problems: string[] = []
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return route.continue()
    if (url.protocol === 'blob:' || url.protocol === 'data:') return route.continue()
    problems.push(`request refused: ${url.href}`)
    return route.abort()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    const type = message.type()
    if (type !== 'error' && type !== 'warning') return
    // Chromium's own note on foliate-js's sandboxed section iframes, about
    // the reader rather than the book.
    if (type === 'warning' && IFRAME_SANDBOX_NOTE.test(message.text())) return
    problems.push(`console ${type}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return {
    context,
    page,
    problems,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

export interface Reader {
  page: Page
  /** Console errors/warnings and page errors so far (see `Browser.problems`). */
  problems: string[]
  /** The TOC entries foliate-js lists, flattened in reading order. */
  toc(): Promise<TocItem[]>
  landmarks(): Promise<Landmark[]>
  sections(): Promise<Array<{ id: string; linear?: string }>>
  /** Go to an href or a section index; returns the text then shown (image alternatives in brackets). */
  show(target: string | number): Promise<string>
  /** How many elements match `selector` in the section(s) on display. */
  count(selector: string): Promise<number>
  /** The images on display, decoded: alternative text and natural width (0 when the image did not load). */
  images(): Promise<ShownImage[]>
  /** Screenshot the page into test/artifacts/<name>.png. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/** Wait until the reader page has opened its book `generation` times. */
export async function waitForBook(page: Page, generation = 1): Promise<void> {
  await page.waitForFunction(`Number(document.body.dataset.generation ?? 0) >= ${generation}`, undefined, { timeout: 60_000 })
}

/**
 * Open an EPUB in foliate-js in headless Chromium, served with the preview
 * page from a local server on 127.0.0.1: a browser of its own, or `shared`,
 * one launched for many books (left open on close).
 */
export async function openInReader(bytes: Uint8Array, name = 'book.epub', shared?: Browser): Promise<Reader> {
  const server: PreviewServer = await startPreviewServer({ book: { name, bytes } })
  const browser = shared ?? (await launchBrowser())
  const { page } = browser
  // A shared browser's problems so far are other books'.
  const from = browser.problems.length
  const closeBrowser = (): Promise<void> => (shared ? Promise.resolve() : browser.close())
  try {
    await page.goto(`${server.url}?live=no`)
    await waitForBook(page)
  } catch (error) {
    await closeBrowser()
    await server.close()
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${browser.problems.slice(from).join('\n')}`)
  }
  // The page's API (templates/preview/reader.js), called by name.
  const api = <T>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(`window.colophonReader[${JSON.stringify(fn)}](...${JSON.stringify(args)})`) as Promise<T>
  return {
    page,
    get problems() {
      return browser.problems.slice(from)
    },
    toc: () => api<TocItem[]>('toc'),
    landmarks: () => api<Landmark[]>('landmarks'),
    sections: () => api<Array<{ id: string; linear?: string }>>('sections'),
    show: (target) => api<string>('show', target),
    count: (selector) => api<number>('count', selector),
    images: () => api<ShownImage[]>('images'),
    async screenshot(shot) {
      await mkdir(ARTIFACTS, { recursive: true })
      const path = join(ARTIFACTS, `${shot}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      await closeBrowser()
      await server.close()
    },
  }
}

export interface ReadingRecord {
  toc: TocItem[]
  landmarks: Landmark[]
  /** Text shown at each spine section, in spine order. */
  sections: Array<{ id: string; text: string; images: ShownImage[] }>
  /** Text shown at each TOC entry, in TOC order. */
  tocTexts: string[]
  /** Per spine section, how many elements match each of the `count` selectors given to `readBook`. */
  counts: Array<Record<string, number>>
  problems: string[]
}

/**
 * Read a whole book in foliate-js: list its TOC and landmarks, show every
 * spine section (so foliate parses every XHTML file) and every TOC entry,
 * and keep a screenshot of the first `screenshots` sections as
 * test/artifacts/<shots>-<n>-<id>.png. `browser`: a shared one, as for
 * `openInReader`.
 */
export async function readBook(bytes: Uint8Array, shots: string, screenshots = 4, count: string[] = [], browser?: Browser): Promise<ReadingRecord> {
  const reader = await openInReader(bytes, `${shots}.epub`, browser)
  try {
    const toc = await reader.toc()
    const landmarks = await reader.landmarks()
    const sections: ReadingRecord['sections'] = []
    const counts: ReadingRecord['counts'] = []
    for (const [index, section] of (await reader.sections()).entries()) {
      const text = await reader.show(index)
      const found: Record<string, number> = {}
      for (const selector of count) found[selector] = await reader.count(selector)
      counts.push(found)
      if (index < screenshots) await reader.screenshot(`${shots}-${index}-${section.id.replace(/[^\w.-]+/g, '_')}`)
      sections.push({ id: section.id, text, images: await reader.images() })
    }
    const tocTexts: string[] = []
    for (const entry of toc) tocTexts.push(await reader.show(entry.href))
    return { toc, landmarks, sections, tocTexts, counts, problems: [...reader.problems] }
  } finally {
    await reader.close()
  }
}
