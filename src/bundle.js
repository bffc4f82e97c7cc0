#!/usr/bin/env node
// Bundles colophon's TypeScript with esbuild into src/bundled/, which the
// launcher (launch.js) imports. Run by `npm ci`/`npm install` in a clone
// (`prepare`) and by `npm pack`/`npm publish` (`prepack`), so an installed
// package ships it and never writes inside its own folder
// (docs/decisions/0029-bundle-when-packed.md).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const src = dirname(fileURLToPath(import.meta.url))
/** Where the bundle goes: inside src/ (shipped by `files`), ignored by git. */
export const BUNDLE_FOLDER = join(src, 'bundled')

/** Entry points the bundle exposes, by name. */
const entries = {
  cli: 'cli/index.ts',
  api: 'index.ts',
  worker: 'workers/worker.ts',
  'cover-worker': 'workers/cover-worker.ts',
  // Loaded on first need only (src/normalise/parse/load-commonmark.ts).
  commonmark: 'normalise/parse/commonmark.ts',
  // Loaded on first raw HTML only (src/normalise/typography/load-html-parser.ts).
  'html-parser': 'normalise/typography/html-parser.ts',
}

/** colophon's source files and folders (src/, without the bundle), in a fixed order. */
export function sourcePaths(folder = src) {
  const paths = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (path === BUNDLE_FOLDER || entry.name.startsWith('bundled.')) continue
      paths.push({ path, folder: true }, ...sourcePaths(path))
    } else if (/\.(ts|js|json)$/.test(entry.name)) paths.push({ path, folder: false })
  }
  return paths
}

/**
 * A hash of the sources' names and contents, and of the locked dependency
 * versions (the bundle holds most dependencies): which sources made a
 * bundle (part of the build cache's key, src/cache/version.ts).
 */
export function sourceHash() {
  const hash = createHash('sha256')
  for (const { path, folder } of sourcePaths()) if (!folder) hash.update(relative(src, path)).update('\0').update(readFileSync(path))
  try {
    hash.update(readFileSync(join(src, '..', 'package-lock.json')))
  } catch {
    hash.update('no lock')
  }
  return hash.digest('hex').slice(0, 16)
}

/** The bundle in place, when it was made from these very sources: its manifest is marked as new, and it is kept. */
function keepIfSame(hash) {
  const manifest = join(BUNDLE_FOLDER, 'manifest.json')
  try {
    if (JSON.parse(readFileSync(manifest, 'utf8')).sources !== hash || !existsSync(join(BUNDLE_FOLDER, 'cli.js'))) return false
    // A checkout that only touched its files (a branch switched back) needs no new bundle: the launcher compares change times.
    const now = new Date()
    utimesSync(manifest, now, now)
    return true
  } catch {
    return false
  }
}

/**
 * Build the bundle into a staging folder, then put it in place of the old
 * one: a process starting meanwhile sees the old bundle or the new, never
 * half of one. A bundle of the same sources is kept as it is.
 */
export async function bundle() {
  const hash = sourceHash()
  // Made already from the same sources (`npm pack` after `npm ci`): swapping it for an equal one would only race with runs starting from it.
  if (keepIfSame(hash)) return BUNDLE_FOLDER
  const esbuild = await import('esbuild')
  const staging = `${BUNDLE_FOLDER}.${process.pid}.tmp`
  rmSync(staging, { recursive: true, force: true })
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(src, path)])),
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too (one file to compile instead of some 300
    // to resolve), except those with native code (@resvg/resvg-js) or that
    // read their own files next to their modules (epubcheck-ts, foliate-js,
    // css-tree's parser with its data).
    external: ['@resvg/resvg-js', '@likecoin/epubcheck-ts', 'foliate-js', 'esbuild', 'tsx'],
    // css-tree's tokenizer and utilities read no file: bundled, they cost every build one module to
    // compile, not the fifteen files it loaded from node_modules (css-urls.ts); `css-tree` itself stays outside.
    plugins: [{ name: 'css-tree-parser-outside', setup: (build) => build.onResolve({ filter: /^css-tree$/ }, ({ path }) => ({ path, external: true })) }],
    // CommonJS dependencies (commander, jszip) require Node's modules.
    banner: { js: "import { createRequire as colophonRequire } from 'node:module'; const require = colophonRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'silent',
  })
  // Which sources made it (read by src/cache/version.ts).
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify({ sources: hash })}\n`)
  mkdirSync(dirname(BUNDLE_FOLDER), { recursive: true })
  const old = `${BUNDLE_FOLDER}.${process.pid}.old`
  try {
    renameSync(BUNDLE_FOLDER, old)
  } catch {
    // No bundle yet, or another process moved it first.
  }
  try {
    renameSync(staging, BUNDLE_FOLDER)
  } catch {
    // Another process put its bundle of the same sources in place first: keep theirs.
    rmSync(staging, { recursive: true, force: true })
  }
  rmSync(old, { recursive: true, force: true })
  return BUNDLE_FOLDER
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const start = performance.now()
  await bundle()
  console.error(`colophon: src/ bundled in ${relative(process.cwd(), BUNDLE_FOLDER) || '.'} (${((performance.now() - start) / 1000).toFixed(2)} s)`)
}
