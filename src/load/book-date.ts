/**
 * The forms `dc:date` takes (W3C Date and Time Formats, as EPUB 3 asks):
 * a year, a year and month, a day, or a full timestamp with its zone. A
 * Gutenberg or archive book often knows only its year.
 */
export const DATE_FORMS = 'a date as YYYY, YYYY-MM or YYYY-MM-DD, or a timestamp such as 2013-05-20T10:00:00Z'

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/**
 * A book's date as `dc:date` should hold it, or `undefined` when it is none
 * of the forms of `DATE_FORMS`. A string is kept as given; YAML reads an
 * unquoted `1813` as a number (kept as the four-digit year) and, in a
 * `%YAML 1.1` file, `2013-05-20` as a Date (written back as the day, or the
 * UTC timestamp when it has a time).
 */
export function bookDate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 9999 ? String(value).padStart(4, '0') : undefined
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`
  }
  if (typeof value !== 'string') return undefined
  const day = DAY.exec(value)
  if (day) return realDay(day[1], day[2], day[3]) ? value : undefined
  const stamp = TIMESTAMP.exec(value)
  if (!stamp) return undefined
  const [, year, month, date, hour, minute, second = '00', zoneHour = '00', zoneMinute = '00'] = stamp
  const inRange = Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 && Number(zoneHour) < 24 && Number(zoneMinute) < 60
  return inRange && realDay(year, month, date) ? value : undefined
}

/** Whether the month and day exist (no 2013-02-30), for the parts given. */
function realDay(year = '', month?: string, day?: string): boolean {
  if (month === undefined) return true
  const m = Number(month)
  if (m < 1 || m > 12) return false
  if (day === undefined) return true
  const y = Number(year)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0
  const d = Number(day)
  return d >= 1 && d <= days
}
