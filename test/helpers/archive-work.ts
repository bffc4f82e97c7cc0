import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportedBook } from '../../src/import/types.ts'
import { ROOT } from './cli.ts'

/** A small PNG from the broken-input corpus. */
export const PNG = new Uint8Array(await readFile(join(ROOT, 'test/fixtures/broken/image-valid/manuscript/chapters/01-one/dot.png')))

/**
 * An archive work as the HTML reader gives it: metadata of every kind,
 * notes before and after a chapter, a blank scene, a chapter of notes only,
 * an image. test/import-manuscript.test.ts writes and builds it; Java
 * EPUBCheck checks the book in test/epubcheck-java.test.ts.
 */
export const archiveWork: ImportedBook = {
  metadata: {
    title: 'Salt and Lamplight',
    author: 'quietharbour',
    language: 'en',
    date: '2019-04-02',
    fandoms: ['Original Work'],
    rating: 'Teen And Up Audiences',
    warnings: ['No Archive Warnings Apply'],
    status: 'complete',
    words: 'about two thousand',
    published: '2019-04-02',
  },
  front: [{ kind: 'disclaimer', markdown: 'None of this is real.\n' }],
  chapters: [
    {
      title: 'One',
      headNote: 'This is my first work here! Be kind.\n',
      scenes: ['The ferry came in late.\n', 'She climbed the tower.\n\n![A lighthouse at dusk](images/tower.png)\n'],
      endNote: 'Thanks for reading.\n',
    },
    { title: 'Two', scenes: ['   \n', 'The storm broke.\n'] },
    { title: '', headNote: 'A chapter of notes only.\n', scenes: [] },
  ],
  back: [{ kind: 'afterword', markdown: 'That is all.\n' }, { kind: 'notes', markdown: ' \n' }],
  images: [{ name: 'tower.png', mediaType: 'image/png', data: PNG }],
}
