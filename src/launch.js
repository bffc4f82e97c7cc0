// Loads colophon's TypeScript quickly. On first use (and whenever a source
// file changes) esbuild bundles src/ into node_modules/.cache/colophon/<hash>/;
// later runs import that bundle directly, with no loader hooks on every
// import. Where the cache cannot be written, tsx's loader runs the source.
// (docs/decisions/0003-run-typescript-through-tsx.md)
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/** Entry points the bundle exposes, by name. */
const entries = {
  cli: 'src/cli/index.ts',
  api: 'src/index.ts',
  worker: 'src/workers/worker.ts',
  'cover-worker': 'src/workers/cover-worker.ts',
  // Loaded on first need only (src/normalise/parse/load-commonmark.ts).
  commonmark: 'src/normalise/parse/commonmark.ts',
}

/** colophon's source files (src/), in a fixed order, each with what a stat says of it. */
function sourceFiles(base) {
  const files = []
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|js|json)$/.test(entry.name)) files.push({ path, stat: statSync(path) })
    }
  }
  walk(join(base, 'src'))
  return files
}

/** The hash of the sources' contents (with Node's version and the install's folder) that names their bundle. */
async function contentHash(files, base) {
  const { createHash } = await import('node:crypto')
  const hash = createHash('sha256')
  for (const { path } of files) hash.update(path.slice(base.length)).update(readFileSync(path))
  hash.update(process.version).update(base)
  return hash.digest('hex').slice(0, 16)
}

/**
 * The sources' hash. Reading and hashing every file of src/ was some 20 ms
 * of every run, so the last hash is kept in a stamp with what a stat said of
 * each file then (size, modification and change time, inode): while every
 * file stats the same, the stamp's hash is taken. An edit, a checkout or a
 * copy changes at least the change time, which no tool sets back. (`base`:
 * the install's folder, for tests.)
 */
export async function sourceHash(cacheFolder, base = root) {
  const files = sourceFiles(base)
  const seen = [process.version, base, ...files.map(({ path, stat }) => `${path.slice(base.length)} ${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`)].join('\n')
  const stamp = join(cacheFolder, `stamp-${fnv(base)}.txt`)
  try {
    const kept = readFileSync(stamp, 'utf8')
    const newline = kept.indexOf('\n')
    if (kept.slice(newline + 1) === seen) return kept.slice(0, newline)
  } catch {
    // No stamp yet.
  }
  const hash = await contentHash(files, base)
  try {
    mkdirSync(cacheFolder, { recursive: true })
    const staging = `${stamp}.${process.pid}.tmp`
    writeFileSync(staging, `${hash}\n${seen}`)
    renameSync(staging, stamp)
  } catch {
    // A read-only install hashes on every run.
  }
  return hash
}

/** FNV-1a of a string, as 8 hex digits: names the stamp of one install's folder. */
function fnv(text) {
  let hash = 0x811c9dc5
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

async function bundle() {
  if (process.env.COLOPHON_NO_BUNDLE) return undefined
  const cacheFolder = join(root, 'node_modules', '.cache', 'colophon')
  const hash = await sourceHash(cacheFolder)
  const folder = join(cacheFolder, hash)
  if (existsSync(join(folder, 'cli.js'))) {
    // Marked as used, so that pruning (below) spares it.
    touch(folder)
    return folder
  }
  const esbuild = await import('esbuild')
  const staging = `${folder}.${process.pid}.tmp`
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)])),
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too (one file to compile instead of some 300
    // to resolve), except those with native code (@resvg/resvg-js) or that
    // read their own files next to their modules (epubcheck-ts, foliate-js, css-tree's grammar data).
    external: ['@resvg/resvg-js', '@likecoin/epubcheck-ts', 'foliate-js', 'esbuild', 'tsx', 'css-tree'],
    // CommonJS dependencies (commander, jszip) require Node's modules.
    banner: { js: "import { createRequire as colophonRequire } from 'node:module'; const require = colophonRequire(import.meta.url);" },
    sourcemap: 'linked',
    // The threads' scripts and the parser loaded on demand are in the bundle's final folder; the hash
    // tells cached results which sources made them (src/cache/version.ts).
    define: {
      COLOPHON_ROOT: JSON.stringify(root),
      COLOPHON_WORKER: JSON.stringify(join(folder, 'worker.js')),
      COLOPHON_COVER_WORKER: JSON.stringify(join(folder, 'cover-worker.js')),
      COLOPHON_COMMONMARK: JSON.stringify(join(folder, 'commonmark.js')),
      COLOPHON_SOURCE_HASH: JSON.stringify(hash),
    },
    logLevel: 'silent',
  })
  // Under node_modules Node finds no package.json of ours: without this one it reads every file twice to guess its format.
  writeFileSync(join(staging, 'package.json'), '{ "type": "module" }\n')
  mkdirSync(dirname(folder), { recursive: true })
  try {
    renameSync(staging, folder)
  } catch {
    // Another process finished the same bundle first: use theirs.
    rmSync(staging, { recursive: true, force: true })
  }
  pruneBundles(dirname(folder), folder)
  return folder
}

function touch(folder) {
  try {
    const now = new Date()
    utimesSync(folder, now, now)
  } catch {
    // A read-only install: nothing is pruned there either.
  }
}

/** Bundles kept besides the current one, whatever their age: a checkout switched back and forth reuses them. */
const KEEP_BUNDLES = 4
/** Unused for longer than this, a bundle no running process is likely to load from: a day. */
const STALE_MS = 24 * 60 * 60 * 1000

/**
 * Remove the bundles of earlier source states (one folder of some 9 MB each
 * per edit of src/), and staging folders a killed bundling left: all but the
 * few used last, and only those unused for a day (each run marks its
 * bundle), since a process still running from one (a long watch) loads
 * modules and starts threads from it. Only an edit of colophon's own
 * sources makes a new bundle, so an installed colophon never prunes.
 */
export function pruneBundles(cacheFolder, current, now = Date.now()) {
  let folders
  try {
    folders = readdirSync(cacheFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && join(cacheFolder, entry.name) !== current)
      .map((entry) => {
        const path = join(cacheFolder, entry.name)
        return { path, time: statSync(path).mtimeMs }
      })
      .sort((a, b) => b.time - a.time)
  } catch {
    return
  }
  for (const [index, { path, time }] of folders.entries()) {
    if (index < KEEP_BUNDLES || now - time < STALE_MS) continue
    rmSync(path, { recursive: true, force: true })
  }
}

/** Import one of colophon's modules (`cli` or `api`). */
export async function load(name) {
  let folder
  try {
    folder = await bundle()
  } catch {
    folder = undefined
  }
  if (folder && name === 'cli') startCoverEarly(folder)
  if (folder) return import(pathToFileURL(join(folder, `${name}.js`)).href)
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(join(root, entries[name])).href)
}

/**
 * `colophon build` draws the book's cover on a thread of its own
 * (src/workers/cover.ts). Started here, the thread reads its fonts while
 * the command itself loads, which is most of a small book's build time;
 * the build adopts it (`colophonEarlyCover`) or, unadopted, it is asked to
 * end when the process would. Not for a watch, whose rebuilds keep their cover.
 */
function startCoverEarly(folder) {
  const argv = process.argv.slice(2)
  if (argv[0] !== 'build' || argv.includes('--watch') || argv.includes('-w') || argv.includes('--help') || argv.includes('-h')) return
  try {
    const script = join(folder, 'cover-worker.js')
    // The young generation of every thread of a build (THREAD_LIMITS in src/workers/start.ts).
    const resourceLimits = { maxYoungGenerationSizeMb: 6 }
    let worker
    try {
      worker = new Worker(script, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')), resourceLimits })
    } catch {
      // V8's options (--max-old-space-size) are the process's; a thread refuses them (src/workers/start.ts).
      worker = new Worker(script, { execArgv: [], resourceLimits })
    }
    worker.unref()
    const early = { worker, error: undefined }
    worker.on('error', (error) => {
      early.error = error
    })
    globalThis.colophonEarlyCover = early
    // Unadopted (the command failed before it built), the thread is asked to end rather than
    // stopped with the process: Node aborts when a thread is stopped inside zlib (cover-worker.ts).
    process.once('beforeExit', () => {
      if (globalThis.colophonEarlyCover !== early) return
      delete globalThis.colophonEarlyCover
      worker.ref()
      worker.postMessage('stop')
    })
  } catch {
    // The build starts its own thread, or draws the cover itself.
  }
}
