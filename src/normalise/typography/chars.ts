/**
 * The characters the typography pass reads and writes, named once so that
 * rules read as prose. Escapes, not literals, for the invisible ones.
 */
export const WORD_JOINER = '\u2060'
export const ZERO_WIDTH_NO_BREAK_SPACE = '\uFEFF'
export const HAIR_SPACE = '\u200A'
export const NO_BREAK_SPACE = '\u00A0'

/**
 * Stand-ins for what a block holds besides text, so that rules see the
 * right neighbour without ever touching it: an opaque inline (code, HTML,
 * image, autolink) reads as a word, a hard break as a line end.
 */
export const OPAQUE = '\uFFFC'
export const HARD_BREAK = '\u2028'
