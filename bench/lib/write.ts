/** Writing a generated manuscript to disk: the only place the generator touches files. */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { generateBook, generatorVersion, manuscriptFiles, type BenchLanguage, type Book, type SizeName } from './manuscript.ts'

/**
 * Replace `out` with the manuscript for (size, seed). Refuses to delete a
 * non-empty folder that does not look like a manuscript we generated.
 */
export async function writeManuscript(out: string, size: SizeName, seed: number, language: BenchLanguage = 'en'): Promise<Book> {
  if (existsSync(out)) {
    const entries = await readdir(out)
    if (entries.length > 0 && !entries.includes('book.yaml')) {
      throw new Error(`Unexpected non-manuscript folder \`${out}\`, expected an empty folder or a generated manuscript`)
    }
    await rm(out, { recursive: true, force: true })
  }
  const book = generateBook(size, seed, language)
  for (const file of manuscriptFiles(book)) {
    const path = join(out, ...file.path.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.text)
  }
  return book
}

/** What a cached manuscript was made from; a mismatch means regenerate. */
export function stampFor(size: SizeName, seed: number, language: BenchLanguage = 'en'): string {
  return `${JSON.stringify(language === 'en' ? { generatorVersion, size, seed } : { generatorVersion, size, seed, language })}\n`
}
