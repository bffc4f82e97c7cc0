/**
 * The order a book's texts are read in, whatever stage holds them: the
 * front matter's pages, then each chapter's head note, scenes and end note,
 * then the back matter's pages. Every stage that walks the texts one after
 * another (typesetting, the render, the lint, a watch's reload) takes it
 * from here, so they cannot disagree.
 */
export interface TextsOf<Text, Page> {
  front: readonly Page[]
  chapters: ReadonlyArray<{ headNote?: Text; scenes: readonly Text[]; endNote?: Text }>
  back: readonly Page[]
}

/** Each text in reading order, with its chapter's index (-1 for front and back matter). */
export function readingOrder<Text, Page>(book: TextsOf<Text, Page>, textOf: (page: Page) => Text): Array<{ text: Text; chapter: number }> {
  const order: Array<{ text: Text; chapter: number }> = []
  for (const page of book.front) order.push({ text: textOf(page), chapter: -1 })
  book.chapters.forEach((chapter, index) => {
    if (chapter.headNote) order.push({ text: chapter.headNote, chapter: index })
    for (const scene of chapter.scenes) order.push({ text: scene, chapter: index })
    if (chapter.endNote) order.push({ text: chapter.endNote, chapter: index })
  })
  for (const page of book.back) order.push({ text: textOf(page), chapter: -1 })
  return order
}

/** The texts alone, in reading order. */
export function textsInOrder<Text, Page>(book: TextsOf<Text, Page>, textOf: (page: Page) => Text): Text[] {
  return readingOrder(book, textOf).map((entry) => entry.text)
}
