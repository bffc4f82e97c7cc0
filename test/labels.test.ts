import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BookError, build } from '../src/index.ts'
import { entryText, openEpub } from './helpers/epub.ts'
import { LABEL_KEYS } from '../src/load/label-keys.ts'
import { LABEL_LANGUAGES, labelsFor, labelTable, type Labels } from '../src/render/labels.ts'

/** The keys a table has, flattened as book.yaml names them. */
function keysOf(labels: Labels): string[] {
  return Object.entries(labels).flatMap(([key, value]) => (typeof value === 'string' ? [key] : Object.keys(value).map((name) => `${key}.${name}`)))
}

describe('labels', () => {
  it('has every word in every language, and no other', () => {
    for (const language of LABEL_LANGUAGES) {
      const table = labelTable(language)!
      expect(keysOf(table).sort(), language).toEqual([...LABEL_KEYS].sort())
      for (const key of LABEL_KEYS.filter((name) => name !== 'by')) {
        const [group, name] = key.split('.') as [keyof Labels, string | undefined]
        const value = name === undefined ? table[group] : (table[group] as Record<string, string>)[name]
        expect(value, `${language} ${key}`).toMatch(/\S/)
      }
    }
  })

  it('names the note before a chapter apart from the note after it, in every language (two landmarks in one chapter need different names)', () => {
    for (const language of LABEL_LANGUAGES) {
      const table = labelTable(language)!
      expect(table.authorsHeadNote.trim(), language).not.toBe('')
      expect(table.authorsHeadNote, language).not.toBe(table.authorsNote)
    }
  })

  it('picks the table by language, script and region, English otherwise', () => {
    expect(labelsFor('es-MX').contents).toBe('Índice')
    expect(labelsFor('pt-PT').chapter).toBe('Capítulo')
    expect(labelsFor('zh-TW').contents).toBe('目錄')
    expect(labelsFor('zh-Hans').contents).toBe('目录')
    expect(labelsFor('fi').contents).toBe('Contents')
    expect(labelTable('fi')).toBeUndefined()
  })

  it('lays book.yaml labels over the table', () => {
    const labels = labelsFor('fr', { contents: 'Sommaire', 'matter.dedication': 'À Lise', 'roles.trl': 'Traduction :' })
    expect(labels.contents).toBe('Sommaire')
    expect(labels.matter.dedication).toBe('À Lise')
    expect(labels.roles['trl']).toBe('Traduction :')
    expect(labels.chapter).toBe('Chapitre')
    expect(labelsFor('fr').contents).toBe('Table des matières')
  })
})

describe('labels in a book', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-labels-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const book = async (name: string, yaml: string): Promise<string> => {
    const root = join(dir, name)
    await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
    await writeFile(join(root, 'book.yaml'), yaml)
    await writeFile(join(root, 'chapters', '01-one', '01.md'), 'Text.\n')
    return root
  }

  it('suggests the label meant by a misspelt key', async () => {
    const root = await book('typo', 'title: T\nauthor: A\nlanguage: fr\nlabels:\n  contnets: Sommaire\n')
    const error = await build(root).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookError)
    expect((error as BookError).messages.map((message) => message.reason).join()).toMatch(/did you mean `contents`/)
  })

  it('warns about a language without a table, and uses the labels given', async () => {
    const root = await book('fi', 'title: T\nauthor: A\nlanguage: fi\nlabels:\n  contents: Sisällys\n')
    const result = await build(root)
    const reasons = result.messages.map((message) => message.reason).join('\n')
    expect(reasons).toMatch(/Unexpected language `fi` for the words colophon writes/)
    expect(reasons).toMatch(/Unexpected language `fi` for typography/)
    const zip = await openEpub(result.epub)
    const nav = Object.keys(zip.files).find((path) => path.endsWith('nav.xhtml'))!
    expect(await entryText(zip, nav)).toContain('Sisällys')
  })
})
