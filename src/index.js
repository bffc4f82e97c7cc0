// The library entry for JavaScript consumers: the typed API of index.ts.
import { load } from './launch.js'

const api = await load('api')
export const build = api.build
export const typeset = api.typeset
export const loadBook = api.loadBook
export const verifyEpub = api.verifyEpub
export const BookError = api.BookError
export const BuildCache = api.BuildCache
