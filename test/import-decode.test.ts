import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { BookError } from '../src/errors.ts'
import { decodeText } from '../src/import/decode.ts'
import { importBytes } from '../src/import/index.ts'
import { sniff } from '../src/import/sniff.ts'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8
  }
  return out
}

function decoded(path: string, bytes: Uint8Array): { text: string; messages: string[] } {
  const file = new VFile({ path, value: bytes })
  const text = decodeText(file)
  return { text, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) }
}

describe('decodeText', () => {
  it('reads UTF-8 with and without its BOM, quietly', () => {
    expect(decoded('a.txt', encode('\uFEFFcafé\r\n'))).toEqual({ text: 'café\n', messages: [] })
    expect(decoded('a.txt', encode('café\r\nnaïve\rend'))).toEqual({ text: 'café\nnaïve\nend', messages: [] })
  })

  it('reads UTF-16 by its BOM, both byte orders, and says so', () => {
    expect(decoded('a.txt', utf16('“Hé”\r\nyes', false))).toEqual({ text: '“Hé”\nyes', messages: ['1:1 Read as UTF-16 LE (byte order mark)'] })
    expect(decoded('a.txt', utf16('“Hé”\r\nyes', true))).toEqual({ text: '“Hé”\nyes', messages: ['1:1 Read as UTF-16 BE (byte order mark)'] })
  })

  it('falls back to Windows-1252 where bytes are not UTF-8, at the first such byte', () => {
    // One byte per character, as a Windows editor saves them.
    const bytes = Uint8Array.from('one\r\ntwo \x93quoted\x94 \x96 caf\xe9\x85', (char) => char.charCodeAt(0))
    expect(decoded('a.txt', bytes)).toEqual({ text: 'one\ntwo “quoted” – café…', messages: ['2:5 Read as Windows-1252 (not valid UTF-8)'] })
  })

  it('refuses empty, blank and binary bytes at the first bad character', () => {
    const fails = (bytes: Uint8Array): string => {
      try {
        decodeText(new VFile({ path: 'x.txt', value: bytes }))
      } catch (error) {
        expect(error).toBeInstanceOf(BookError)
        return String((error as BookError).messages[0])
      }
      throw new Error('no error')
    }
    expect(fails(new Uint8Array())).toBe('x.txt:1:1: Unexpected empty file, expected a story')
    expect(fails(encode(' \n\t\n'))).toBe('x.txt:1:1: Unexpected empty file, expected a story')
    expect(fails(encode('ab\r\ncd\x00e'))).toBe('x.txt:2:3: Unexpected binary content (U+0000), expected text')
    // UTF-16 without its mark is NULs between letters.
    expect(fails(utf16('Hello', false).subarray(2))).toBe('x.txt:1:2: Unexpected binary content (U+0000), expected text')
    // Windows-1252's undefined bytes are not text either.
    expect(fails(Uint8Array.from([0x41, 0xe9, 0x81]))).toBe('x.txt:1:3: Unexpected binary content (U+0081), expected text')
  })
})

describe('sniff', () => {
  const format = (path: string, bytes: Uint8Array) => sniff(new VFile({ path, value: bytes }))

  it('knows HTML by its markup, whatever the name', () => {
    expect(format('page.txt', encode('<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>'))).toBe('html')
    expect(format('page.txt', encode('\uFEFF<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'))).toBe('html')
    expect(format('page.md', encode('<!-- saved -->\n<html>'))).toBe('html')
    expect(format('story.txt', encode('He typed <html> into the box.'))).toBe('text')
  })

  it('knows Markdown by its name and by YAML front matter', () => {
    expect(format('story.md', encode('Once.'))).toBe('markdown')
    expect(format('story.markdown', encode('Once.'))).toBe('markdown')
    expect(format('story.txt', encode('---\ntitle: A\nauthor: B\n---\n\nOnce.'))).toBe('markdown')
    expect(format('story.txt', encode('---\n\nOnce upon a time.'))).toBe('text')
  })

  it('reads no zip, empty or binary file as text', () => {
    expect(format('story.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBeUndefined()
    expect(format('story.txt', new Uint8Array())).toBeUndefined()
    expect(format('story.txt', encode('a\x00b'))).toBeUndefined()
    expect(format('story.txt', encode('Once.'))).toBe('text')
  })

  it('names the first bad byte when a file is not a story', async () => {
    await expect(importBytes('story.txt', encode('ok\n\x01'), '/')).rejects.toThrow('story.txt:2:1: Unexpected binary content (U+0001), expected text')
    await expect(importBytes('story.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), '/')).rejects.toThrow(/Unexpected file, expected a story/)
  })
})
