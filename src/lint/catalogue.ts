/**
 * Every lint rule, in one place. Ids are a category letter plus digits and
 * are never reused: T is text (what the typography pass could not decide),
 * L is the lint's own configuration. Names are what a suppression may use
 * instead of the id.
 */
export const CATALOGUE = {
  T001: { name: 'fused-words', description: 'A lowercase word runs into a capitalised one (`come inEnterprise`): a space, or the emphasis around a name, was lost.' },
  T002: { name: 'ambiguous-quote', description: 'A straight quote the typography pass had to guess: `\'Cause` can be an elision or an opening quote, `"` between spaces can open or close.' },
  T003: { name: 'unmatched-quote', description: 'A paragraph opens more double quotes than it closes (and the next paragraph does not continue the quotation), or closes one never opened.' },
  T004: { name: 'double-space', description: 'Two or more spaces between words.' },
  T005: { name: 'repeated-word', description: 'The same word twice in a row (`the the`).' },
  T006: { name: 'compound-number', description: 'A compound number from twenty-one to ninety-nine written without its hyphen (`forty one`).' },
  T007: { name: 'punctuation-outside-quote', description: 'A period or comma after a closing quote; American style puts it inside (`“home.”`).' },
  T008: { name: 'mixed-scene-breaks', description: 'Scene breaks typed with different markers in one book (`* * *` here, `. o .` there).' },
  T009: { name: 'dash-list', description: 'Lines opened by `-` in one paragraph of a book whose dialogue opens with a dash: a list there is typed with `*` or `+`.' },
  L001: { name: 'unused-suppression', description: 'A suppression in the suppressions file that matched no message: the text was fixed, or the line moved.' },
  L002: { name: 'invalid-suppressions', description: 'The suppressions file is not valid YAML of the expected shape.' },
} as const

export type RuleId = keyof typeof CATALOGUE

export const RULE_IDS = Object.keys(CATALOGUE) as RuleId[]

/** The id for an id or a rule name, or `undefined` when it is neither. */
export function ruleIdOf(idOrName: string): RuleId | undefined {
  if (idOrName in CATALOGUE) return idOrName as RuleId
  return RULE_IDS.find((id) => CATALOGUE[id].name === idOrName)
}
