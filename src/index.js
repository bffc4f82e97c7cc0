// The library entry for plain JavaScript consumers: registers tsx, then
// re-exports the typed API from index.ts.
import { register } from 'tsx/esm/api'

register()
const api = await import('./index.ts')
export const build = api.build
export const typeset = api.typeset
export const loadBook = api.loadBook
