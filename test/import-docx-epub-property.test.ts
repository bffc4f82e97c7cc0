import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { importBytes, type ImportedBook } from '../src/import/index.ts'
import { docxFromLines } from './helpers/docx.ts'
import { runs } from './helpers/runs.ts'

/**
 * Generated stories with known chapters and scene breaks, written as a DOCX
 * without heading styles and as an EPUB, import to exactly that structure
 * and lose no word. Runs: RUNS per format.
 */
const RUNS = runs(25, 5)

const WORDS = ['the', 'lamp', 'river', 'quiet', 'she', 'said', 'morning', 'salt', 'window', 'old', 'walked', 'across', 'bridge', 'bread', 'cold', 'letter', 'garden', 'his', 'hands', 'were']
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 12 }).map((words) => `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '))
const scene = fc.array(paragraph, { minLength: 1, maxLength: 3 })
const chapter = fc.array(scene, { minLength: 1, maxLength: 3 })
const ornament = fc.constantFrom('* * *', '***', '#', '###', '~*~', 'o0o', 'oOo', 'xXx', '+++', '§')
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']
const SPELLED = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven']
const shape = fc.constantFrom(
  (n: number) => `Chapter ${n}`,
  (n: number) => `CHAPTER ${ROMAN[n - 1]}`,
  (n: number) => `Chapter ${SPELLED[n - 1]}`,
)
const story = fc.record({
  chapters: fc.array(chapter, { minLength: 2, maxLength: 6 }),
  shape,
  ornaments: fc.array(ornament, { minLength: 20, maxLength: 20 }),
  blankLines: fc.boolean(),
})

type Story = { chapters: string[][][]; shape: (n: number) => string; ornaments: string[]; blankLines: boolean }

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function expectStructure(book: ImportedBook, generated: Story): void {
  expect(book.chapters.map((c) => c.title)).toEqual(generated.chapters.map((_, index) => generated.shape(index + 1)))
  expect(book.chapters.map((c) => c.scenes.length)).toEqual(generated.chapters.map((scenes) => scenes.length))
  expect(book.chapters.flatMap((c) => c.scenes.flatMap(words))).toEqual(generated.chapters.flatMap((scenes) => scenes.flat().flatMap(words)))
  expect(book.chapters.every((c) => !c.headNote && !c.endNote)).toBe(true)
}

describe('import: generated stories keep their structure and words', () => {
  it(`as a DOCX without heading styles (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(story, async (generated) => {
        let o = 0
        const lines = generated.chapters.flatMap((scenes, index) => [
          `[center,bold]${generated.shape(index + 1)}`,
          ...scenes.flatMap((paragraphs, at) => [
            ...(at > 0 ? [`[center]${generated.ornaments[o++ % 20]}`] : []),
            // A writer's empty paragraphs between paragraphs are never scene breaks.
            ...paragraphs.flatMap((text) => (generated.blankLines ? [text, ''] : [text])),
          ]),
        ])
        const bytes = await docxFromLines(lines, { title: 'Generated', creator: 'Property Test' })
        const { book } = await importBytes('generated.docx', bytes)
        expectStructure(book, generated)
      }),
      { numRuns: RUNS },
    )
  }, 300_000)

  it(`as an EPUB 3 with a nav document (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(story, fc.boolean(), async (generated, rules) => {
        let o = 0
        const zip = new JSZip()
        zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
        zip.file('META-INF/container.xml', '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        const names = generated.chapters.map((_, index) => `text/c${index + 1}.xhtml`)
        zip.file(
          'OPS/package.opf',
          `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Generated</dc:title><dc:language>en</dc:language><dc:identifier id="id">urn:uuid:1f0e2f0a-3c1d-4e8b-9a6f-2d7c1e4b8a90</dc:identifier></metadata><manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>${names.map((name, i) => `<item id="c${i}" href="${name}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${names.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`,
        )
        zip.file('OPS/nav.xhtml', `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${names.map((name, i) => `<li><a href="${name}">${generated.shape(i + 1)}</a></li>`).join('')}</ol></nav></body></html>`)
        generated.chapters.forEach((scenes, index) => {
          const body = scenes
            .map((paragraphs, at) => `${at > 0 ? (rules ? '<hr/>' : `<p class="center">${generated.ornaments[o++ % 20]}</p>`) : ''}${paragraphs.map((text) => `<p>${text}</p>`).join('')}`)
            .join('')
          zip.file(`OPS/${names[index]}`, `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body><section><h1>${generated.shape(index + 1)}</h1>${body}</section></body></html>`)
        })
        const { book } = await importBytes('generated.epub', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
        expectStructure(book, generated)
      }),
      { numRuns: RUNS },
    )
  }, 300_000)
})
