import { readFileSync } from 'node:fs'
import { importBytes } from './src/import/index.ts'
const path = process.argv[2]!
try {
const { book, file } = await importBytes(path, readFileSync(path))
console.log(JSON.stringify({ ...book, images: book.images.map(i => i.name), cover: book.cover?.name }, null, 1).slice(0, Number(process.argv[3] ?? 6000)))
for (const m of file.messages) console.log(String(m.reason))
} catch (e) { console.log('ERROR', String(e)) }
