import { regexRule } from '../../rule.ts'

/**
 * Three periods, spaced or not, are an ellipsis, with the spaces the writer
 * typed around it kept: German sets `würde …` spaced for a word left out
 * and `Sch…` attached inside one (Duden), French attaches it to the word
 * (Imprimerie nationale). Russian `?..` and `!..` (two periods) stay.
 */
export const plainEllipses = regexRule('plain-ellipses', '.', /\.(?:[ \t]?\.){2}/g, '…')
