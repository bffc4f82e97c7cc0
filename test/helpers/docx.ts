import JSZip from 'jszip'

/**
 * A Word document put together by hand, as a writer without heading styles
 * makes one: one paragraph per line, a line starting `[center]`, `[bold]`,
 * `[italic]` or a mix (`[center,bold]`) for the paragraph's look; inside a
 * line `*x*` is an italic run, `**x**` a bold run, `^^x^^` small caps; an
 * empty line an empty paragraph. The zip's dates are fixed, so the same
 * lines give the same bytes. Used by test/fixtures/import/make-docx.ts and
 * the property tests.
 */
export interface CoreProperties {
  title?: string
  creator?: string
  subject?: string
  keywords?: string
  description?: string
  created?: string
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function runs(line: string): string {
  const parts = line.split(/(\*\*[^*]+\*\*|\*[^*]+\*|\^\^[^^]+\^\^)/).filter((part) => part !== '')
  return parts
    .map((part) => {
      const [props, text] = part.startsWith('**')
        ? ['<w:b/>', part.slice(2, -2)]
        : part.startsWith('^^')
          ? ['<w:smallCaps/>', part.slice(2, -2)]
          : part.startsWith('*')
            ? ['<w:i/>', part.slice(1, -1)]
            : ['', part]
      return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
    })
    .join('')
}

function paragraph(line: string): string {
  const look = /^\[([a-z,]+)\]/.exec(line)
  const marks = look?.[1]?.split(',') ?? []
  const text = look ? line.slice(look[0].length) : line
  const pPr = marks.includes('center') ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''
  const whole = [marks.includes('bold') ? '<w:b/>' : '', marks.includes('italic') ? '<w:i/>' : ''].join('')
  // An ornament line (`* * *`) is typed as it is, not read as italics.
  const plain = whole !== '' || !/\p{L}/u.test(text)
  const body = plain ? `<w:r>${whole ? `<w:rPr>${whole}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>` : runs(text)
  return `<w:p>${pPr}${body}</w:p>`
}

export async function docxFromLines(lines: readonly string[], core: CoreProperties = {}): Promise<Uint8Array> {
  const body = lines.map((line) => (line.trim() === '' ? '<w:p/>' : paragraph(line))).join('')
  const date = new Date('2024-10-01T00:00:00Z')
  const zip = new JSZip()
  const add = (name: string, text: string): void => {
    zip.file(name, text, { date })
  }
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  )
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  )
  add('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`)
  const element = (name: string, value: string | undefined): string => (value ? `<${name}>${escape(value)}</${name}>` : '')
  add(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${element('dc:title', core.title)}${element('dc:creator', core.creator)}${element('dc:subject', core.subject)}${element('cp:keywords', core.keywords)}${element('dc:description', core.description)}${core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>` : ''}</cp:coreProperties>`,
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
