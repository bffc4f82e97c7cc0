import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { labelsFor } from '../render/labels.ts'
import type { LabelKey } from '../load/label-keys.ts'
import { textXhtml, textXhtmlOptions } from '../render/text-xhtml.ts'
import type { XhtmlParts } from '../render/to-xhtml.ts'
import { countWords } from '../render/words.ts'
import { lintText, type TextFindings } from '../lint/text.ts'
import { lintContext } from '../lint/languages.ts'
import type { SceneBreakMarker } from '../lint/rules/mixed-scene-breaks.ts'
import { recordMessage, type MessageRecord } from '../cache/messages.ts'
import { createNormaliser, normaliseFile } from '../normalise/index.ts'
import { wellFormedError, type XmlProblem } from '../verify/well-formed.ts'
import { deflateText, type PackedEntry } from '../package/zip.ts'

/** Everything besides its own text that a text's normalised tree depends on. */
export interface TextSettings {
  wordJoiner: 'u2060' | 'feff'
  /** The book's language: word counting and the accessible names in the XHTML depend on it. */
  language: string
  /** `labels` from book.yaml, when given (the scene break's accessible name is one). */
  labels?: Partial<Record<LabelKey, string>>
  /** `regular` when the narrow no-break space is swapped for U+00A0 (`--nbsp regular`). */
  nbsp?: 'narrow' | 'regular'
  /** book.yaml `quotes`, when given. */
  quotes?: 'default' | 'guillemets'
  /** `dialogue-dashes` from book.yaml, when given. */
  dialogueDashes?: boolean
  /** Lint each text as it is parsed (`colophon build` does, unless told not to). */
  lint: boolean
}

/** A text to normalise, as plain data so it can cross to a worker thread. */
export interface TextSource {
  path?: string
  cwd?: string
  value: string
}

/**
 * The work a build hands out, the same whether it runs on the main thread
 * or a worker: normalise one text (parse, footnotes, scene breaks,
 * typography), check one XML document, or deflate one text for the zip
 * (checking it too when it is XML: `DeflatedText`).
 */
export type Task = { kind: 'text'; source: TextSource } | { kind: 'xml'; text: string } | { kind: 'deflate'; text: string; xml: boolean }

/**
 * A text deflated for the zip and, when it is XML, checked as the verify
 * stage would check it: one trip to a worker for both (`xml` is undefined
 * when the text was not checked, null when it is well-formed).
 */
export interface DeflatedText {
  entry: PackedEntry
  xml?: XmlProblem | null
}

/**
 * One text typeset: the messages the normaliser (and renderer) left on its
 * file, its word count, and either its XHTML, when nothing outside the text
 * changes it, or its normalised Markdown tree (plain data, structured-cloned
 * across threads and serialised into the cache), which the main thread
 * renders with its chapter: footnotes are numbered chapter-wide, and images
 * are read and checked for the whole book.
 */
export interface TextResult {
  tree?: Root
  rendered?: XhtmlParts
  words: number
  messages: MessageRecord[]
  /** What the lint found in the text, when asked to lint. */
  lint?: { messages: MessageRecord[]; markers: SceneBreakMarker[] }
}

export type TaskResult = TextResult | XmlProblem | DeflatedText | undefined

/** Runners by settings, each made once: a worker thread, the pool and the main thread keep one each. */
export function runnersBySettings(): (settings?: TextSettings) => (task: Task) => TaskResult {
  const made = new Map<string | undefined, (task: Task) => TaskResult>()
  return (settings) => {
    const key = settings && JSON.stringify(settings)
    let runner = made.get(key)
    if (!runner) made.set(key, (runner = createRunner(settings)))
    return runner
  }
}

/**
 * Runs tasks, with one normaliser for the settings (a unified processor is
 * reused, not rebuilt per text), made when a first text comes: checking
 * and deflating need no settings.
 */
export function createRunner(settings?: TextSettings): (task: Task) => TaskResult {
  let typeset: ((source: TextSource) => TextResult) | undefined
  return (task) => {
    if (task.kind === 'xml') return wellFormedError(task.text)
    if (task.kind === 'deflate') return { entry: deflateText(task.text), ...(task.xml ? { xml: wellFormedError(task.text) ?? null } : {}) }
    if (!settings) throw new Error('Unexpected text to typeset without settings, expected the book\'s settings with it')
    typeset ??= typesetter(settings)
    return typeset(task.source)
  }
}

/** Typesets one text after another with the same settings. */
function typesetter(settings: TextSettings): (source: TextSource) => TextResult {
  const labels = labelsFor(settings.language, settings.labels)
  const last: { findings?: TextFindings } = {}
  const context = lintContext(settings.language, settings.dialogueDashes)
  const lint = settings.lint ? (tree: Root, file: VFile) => void (last.findings = lintText(file, tree, context)) : undefined
  const processor = createNormaliser({ wordJoiner: settings.wordJoiner, language: settings.language, dialogueDashes: settings.dialogueDashes, nbsp: settings.nbsp, quotes: settings.quotes }, lint)
  return (source) => {
    const file = new VFile({ path: source.path, cwd: source.cwd, value: source.value })
    last.findings = undefined
    const { tree } = normaliseFile(file, processor)
    const words = countWords([tree], settings.language)
    const found = last.findings as TextFindings | undefined
    const linted = found && { messages: found.messages.map(recordMessage), markers: found.markers }
    // As `renderBook` renders it. A text the direct writer refuses (raw HTML, links, footnotes, images)
    // is rendered on the main thread from its tree: hast and its sanitiser are loaded only there, and only then.
    const rendered = textXhtml(tree, textXhtmlOptions(labels, file, new Map()))
    return { ...(rendered ? { rendered } : { tree }), words, messages: file.messages.map(recordMessage), lint: linted }
  }
}
