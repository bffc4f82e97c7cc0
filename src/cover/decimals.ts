/**
 * A coordinate to two decimals, as `String(Math.round(value * 100) / 100)`
 * writes it, digit for digit, but from whole hundredths: turning a fraction
 * into its shortest decimal was a fifth of the cover's layout on its thread,
 * whose code is still cold when it draws.
 */
export function twoDecimals(value: number): string {
  const hundredths = Math.round(value * 100)
  // Whole numbers (and -0, which prints as 0), NaN, the infinities and numbers too large for
  // hundredths to be told apart (past some 7e13) print as they are.
  if (hundredths % 100 === 0 || !Number.isFinite(hundredths) || Math.abs(hundredths) >= 1e15) return String(hundredths / 100)
  const size = Math.abs(hundredths)
  const fraction = size % 100
  const digits = fraction < 10 ? `0${fraction}` : fraction % 10 === 0 ? String(fraction / 10) : String(fraction)
  return `${hundredths < 0 ? '-' : ''}${(size - fraction) / 100}.${digits}`
}
