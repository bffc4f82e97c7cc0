import { readFileSync } from 'node:fs'
import { importBytes } from './src/import/index.ts'
const path = process.argv[2]!
try {
const { book, file, format } = await importBytes(path, readFileSync(path))
console.log(format, JSON.stringify(book.metadata))
console.log('front', book.front.map(p => p.kind + ':' + p.markdown.slice(0, 60)))
for (const c of book.chapters) console.log('CH', JSON.stringify(c.title), c.scenes.length, 'head', c.headNote?.slice(0,50), 'end', c.endNote?.slice(0, 60))
console.log('back', book.back.map(p => p.kind))
for (const m of file.messages) console.log(String(m.line)+':'+m.column, m.ruleId, m.reason)
} catch (e) { console.log('ERR', String(e)) }
