/**
 * Book identifiers a writer may give in `book.yaml`, in the form the OPF
 * wants: `urn:uuid:…`, `urn:isbn:…` (check digit verified) or an http(s) URL.
 * Pure: returns the canonical form, or `undefined` when the value is none of them.
 */
const UUID = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i
const ISBN = /^(?:urn:isbn:|isbn:?\s*)?([0-9][0-9 -]{8,15}[0-9xX])$/i

export function canonicalIdentifier(value: string): string | undefined {
  const trimmed = value.trim()
  const uuid = UUID.exec(trimmed)
  if (uuid?.[1]) return `urn:uuid:${uuid[1].toLowerCase()}`
  const isbn = ISBN.exec(trimmed)
  if (isbn?.[1]) {
    const digits = isbn[1].replace(/[ -]/g, '').toUpperCase()
    return isValidIsbn(digits) ? `urn:isbn:${digits}` : undefined
  }
  try {
    const url = new URL(trimmed)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** ISBN-10 (mod 11, `X` = 10) or ISBN-13 (mod 10, weights 1 and 3). */
export function isValidIsbn(digits: string): boolean {
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]))
    return sum % 11 === 0
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    let sum = 0
    for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(digits[i])
    return sum % 10 === 0
  }
  return false
}
