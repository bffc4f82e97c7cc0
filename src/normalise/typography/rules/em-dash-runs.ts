import { regexRule } from '../rule.ts'

/** Two em dashes in a row are a two-em dash (⸺); three or more a three-em dash (⸻). SEMoS 8.7.7. */
export const emDashRuns = regexRule('em-dash-runs', '—', /—{2,}/g, (match) => (match[0].length === 2 ? '⸺' : '⸻'))
