/**
 * The one place colophon reads a time. A build never looks at the wall clock
 * or file times, so the same manuscript gives the same bytes:
 * `SOURCE_DATE_EPOCH` when set, else the book's own date, else 1980-01-01
 * (the first time a zip file can hold).
 */
export const ZIP_EPOCH = Date.UTC(1980, 0, 1)
/** The last time a zip file can hold (its year has seven bits): a book dated later is stamped with it. */
export const ZIP_END = Date.UTC(2107, 11, 31, 23, 59, 58)

export interface BuildTime {
  date: Date
  /** Where the time came from, for `--debug` and tests. */
  source: 'SOURCE_DATE_EPOCH' | 'book.yaml' | 'default'
}

export function buildTime(env: Readonly<Record<string, string | undefined>>, bookDate?: string): BuildTime {
  const epoch = env.SOURCE_DATE_EPOCH?.trim()
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new TypeError(`Unexpected SOURCE_DATE_EPOCH \`${epoch}\`, expected whole seconds since 1970-01-01`)
    }
    return { date: new Date(Math.min(Math.max(Number(epoch) * 1000, ZIP_EPOCH), ZIP_END)), source: 'SOURCE_DATE_EPOCH' }
  }
  if (bookDate) {
    // A year or a month stands for its first day; a timestamp is read as it is.
    const [year, month = '01', day = '01'] = bookDate.slice(0, 10).split('-')
    const time = bookDate.length > 10 ? Date.parse(bookDate) : Date.parse(`${year}-${month}-${day}T00:00:00Z`)
    return { date: new Date(Math.min(Math.max(time, ZIP_EPOCH), ZIP_END)), source: 'book.yaml' }
  }
  return { date: new Date(ZIP_EPOCH), source: 'default' }
}

/** `2013-05-20T00:00:00Z`: the form `dcterms:modified` requires. */
export function w3cDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}
