/**
 * Generate a deterministic synthetic manuscript for the benchmark.
 *
 *   npx tsx bench/generate.ts --size 100k --seed 1 --out bench/out/100k
 */
import { parseArgs } from 'node:util'
import { benchLanguages, isBenchLanguage, isSizeName, sizes } from './lib/manuscript.ts'
import { writeManuscript } from './lib/write.ts'

const usage = `Usage: tsx bench/generate.ts --size ${Object.keys(sizes).join('|')} [--seed N] [--language ${benchLanguages.join('|')}] --out DIR

Writes a seeded synthetic manuscript (book.yaml, front/, chapters/) to DIR,
replacing a manuscript already there. Same size and seed, same bytes.
--language fr writes French prose, dialogue typed with \`- \` as French writers type it.

Example: npx tsx bench/generate.ts --size 100k --seed 1 --out bench/out/100k`

async function main(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        size: { type: 'string' },
        seed: { type: 'string', default: '1' },
        language: { type: 'string', default: 'en' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (values.help) {
    console.log(usage)
    return 0
  }
  const seed = Number(values.seed)
  if (!values.size || !isSizeName(values.size) || !values.out || !Number.isInteger(seed) || !isBenchLanguage(values.language)) {
    console.error(usage)
    return 2
  }
  const book = await writeManuscript(values.out, values.size, seed, values.language)
  const scenes = book.chapters.reduce((sum, chapter) => sum + chapter.scenes.length, 0)
  console.log(`${values.out}: ${book.words} words, ${book.chapters.length} chapters, ${scenes} scenes`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
