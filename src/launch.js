// Loads colophon's code: the esbuild bundle in src/bundled/, made when the
// package is installed from a clone (`prepare`) or packed (`prepack`), see
// src/bundle.js. An installed package only reads it. In a git checkout a
// developer edits src/: there the bundle is rebuilt when a source changed
// after it was made. Where there is no usable bundle, tsx's loader runs the
// source, slower and on one thread, and stderr says so once.
// (docs/decisions/0029-bundle-when-packed.md)
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const src = dirname(fileURLToPath(import.meta.url))
const folder = join(src, 'bundled')

/** Source entry points, by the bundle's names for them. */
const entries = { cli: 'cli/index.ts', api: 'index.ts' }

/**
 * Whether the bundle is missing, or older than a source in a checkout: a
 * file's change time (which no tool sets back) after the bundle was made.
 * An installed package (no `.git` beside src/) is taken as it was packed.
 */
export function bundleState(base = src) {
  const manifest = join(base, 'bundled', 'manifest.json')
  let made
  try {
    made = statSync(manifest).ctimeMs
  } catch {
    return 'missing'
  }
  if (!existsSync(join(base, '..', '.git'))) return 'fresh'
  return newestChange(base, true) > made ? 'stale' : 'fresh'
}

/**
 * The latest change time among the sources and their folders (a file added
 * or removed changes its folder's). Not src/'s own: putting the bundle in
 * place changes it (a file added there is new itself).
 */
function newestChange(folder, top = false) {
  let newest = top ? 0 : statSync(folder).ctimeMs
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'bundled' || entry.name.startsWith('bundled.')) continue
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : /\.(ts|js|json)$/.test(entry.name) ? statSync(path).ctimeMs : 0)
  }
  return newest
}

/** The bundle's folder, rebuilt first where it is stale in a checkout; undefined where there is none to use. */
async function bundled() {
  if (process.env.COLOPHON_NO_BUNDLE) return { why: 'COLOPHON_NO_BUNDLE is set' }
  const state = bundleState()
  if (state === 'fresh') return { folder }
  try {
    const { bundle } = await import('./bundle.js')
    return { folder: await bundle() }
  } catch (error) {
    return { why: `the bundle in src/bundled/ is ${state} and could not be rebuilt (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run \`npm run bundle\`` }
  }
}

/** Import one of colophon's modules (`cli` or `api`). */
export async function load(name) {
  const found = await bundled()
  if (found.folder) return import(pathToFileURL(join(found.folder, `${name}.js`)).href)
  process.stderr.write(`colophon: running the TypeScript source through tsx, slower and on one thread: ${found.why}.\n`)
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(join(src, entries[name])).href)
}
