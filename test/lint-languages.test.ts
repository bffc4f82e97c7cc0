import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lintManuscript } from '../src/lint/index.ts'
import { colophon } from './helpers/cli.ts'

describe('the lint follows the language', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'colophon-lint-languages-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const lint = async (name: string, yaml: string, text: string): Promise<string[]> => {
    const root = join(dir, name)
    await mkdir(join(root, 'chapters', '01-one'), { recursive: true })
    await writeFile(join(root, 'book.yaml'), `title: T\nauthor: A\n${yaml}`)
    await writeFile(join(root, 'chapters', '01-one', '01.md'), text)
    const { messages } = await lintManuscript(root)
    return messages.map((message) => String(message.ruleId))
  }

  it('takes British punctuation as right in en-GB, and reports it in en-US', async () => {
    const text = "She called it 'rubbish'. He said \"home\", and left.\n"
    expect(await lint('gb', 'language: en-GB\n', text)).toEqual([])
    expect(await lint('us', 'language: en-US\n', text)).toEqual(['T007', 'T007'])
  })

  it('runs no English-only rule on another language', async () => {
    // nous nous: a repeated word that is right in French; "forty one" means nothing there.
    expect(await lint('fr', 'language: fr\n', 'Nous nous sommes vus, forty one fois. "Oui", dit-elle.\n')).toEqual([])
    expect(await lint('en', 'language: en\n', 'We we met forty one times.\n')).toEqual(['T005', 'T006'])
  })

  it('reads `- ` as dialogue in a French book, and a `- ` list with dialogue-dashes: false as a list', async () => {
    expect(await lint('fr-list', 'language: fr\n', '- du pain\n- du vin\n')).toEqual(['T009'])
    expect(await lint('fr-off', 'language: fr\ndialogue-dashes: false\n', '- du pain\n- du vin\n')).toEqual([])
  })

  it('says which languages each rule reads in --rules', async () => {
    const run = await colophon(['lint', '--rules'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/T007 +punctuation-outside-quote .*Languages: en, but not en-GB/)
    expect(run.stdout).toMatch(/T009 +dash-list .*Languages: books whose dialogue opens with a dash/)
  })
})
