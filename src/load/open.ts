// The one place that opens the manuscript's files. Synchronous on purpose:
// many small files read faster so (see read-text.ts).
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * A manuscript folder as the file system has it: `real` is its path with
 * every symbolic link followed, and every file read for the book must lie
 * under it once its own links are followed too.
 */
export interface Manuscript {
  /** The folder as given, made absolute. */
  folder: string
  /** The folder with every symbolic link followed. */
  real: string
  /** The folder messages name files relative to. */
  cwd: string
}

/** Why a path cannot be read: a reason in words (never a raw `E…` code or a path), and a rule id. */
export interface Refusal {
  reason: string
  ruleId: 'outside' | 'unreadable' | 'not-a-file'
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'ruleId' in value && 'reason' in value
}

/** The manuscript at `folder`, or why it cannot be one. */
export function openManuscript(folder: string, cwd: string): Manuscript | Refusal {
  const absolute = resolve(cwd, folder)
  try {
    const real = realpathSync.native(absolute)
    if (!statSync(real).isDirectory()) return { reason: 'it is not a folder', ruleId: 'not-a-file' }
    return { folder: absolute, real, cwd }
  } catch (error) {
    return { reason: inWords(error), ruleId: 'unreadable' }
  }
}

/** Whether `path` (a real path) lies under the manuscript's real folder, or is it. */
export function isInside(manuscript: Manuscript, path: string, orRoot = false): boolean {
  const inside = relative(manuscript.real, path)
  if (inside === '') return orRoot
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)
}

// Without O_NONBLOCK, opening a FIFO waits for a writer that never comes; with
// O_NOFOLLOW, a file swapped for a link after its path was resolved fails to open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** Shared between reads: its contents are copied (decoded) before the next read. */
let shared = Buffer.allocUnsafeSlow(1 << 18)

/**
 * The bytes of a regular file inside the manuscript, after following links;
 * anything else (a link leading outside, a FIFO, a socket, a device, a
 * folder, a link loop, a file that cannot be read or that vanished) is a
 * refusal saying why. With `reuse`, the bytes are in a buffer the next call
 * overwrites: the caller copies them first. A read of a thousand small
 * files into fresh buffers took a third longer.
 */
export function readInside(manuscript: Manuscript, path: string, reuse = false): Buffer | Refusal {
  const absolute = resolve(manuscript.cwd, path)
  let fd: number | undefined
  // Where the system says what a descriptor holds (Linux), open first and ask it: one call
  // instead of realpath's one per folder of the path. A link as the last part fails to
  // open (O_NOFOLLOW) and takes the long way.
  if (PROC_FD) {
    try {
      fd = openSync(absolute, OPEN_FLAGS)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') return { reason: inWords(error), ruleId: 'unreadable' }
    }
  }
  if (fd === undefined) {
    let real: string
    try {
      real = realpathSync.native(absolute)
    } catch (error) {
      return { reason: inWords(error), ruleId: 'unreadable' }
    }
    if (!isInside(manuscript, real)) return outside(path, manuscript)
    try {
      fd = openSync(real, OPEN_FLAGS)
    } catch (error) {
      return { reason: inWords(error), ruleId: 'unreadable' }
    }
  }
  const opened = fd
  return readOpened(opened, reuse, () => {
    // What was opened, not what a path said a moment before: a folder on the way that
    // is (or was swapped for) a link leading out shows here.
    const real = openedPath(opened)
    return real !== undefined && !isInside(manuscript, real) ? outside(path, manuscript) : undefined
  })
}

/**
 * The bytes of a regular file the user named on the command line (a story
 * file for `build FILE`, `import`, `preview FILE`, `typeset`), wherever it
 * is: a FIFO, a socket, a device or a folder is a refusal in words, never a
 * wait for a writer that does not come.
 */
export function readNamedFile(path: string): Buffer | Refusal {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return { reason: inWords(error), ruleId: 'unreadable' }
  }
  return readOpened(fd, false)
}

/**
 * The bytes behind an open descriptor, which it closes: refused when
 * `refuse` says so first, or when it is not a regular file (checked on the
 * descriptor, so nothing swapped in after the open is read).
 */
function readOpened(fd: number, reuse: boolean, refuse: () => Refusal | undefined = () => undefined): Buffer | Refusal {
  try {
    const refused = refuse()
    if (refused) return refused
    const kind = kindOf(fstatSync(fd))
    if (kind) return { reason: `it is ${kind}, expected a file`, ruleId: 'not-a-file' }
    return readAll(fd, reuse)
  } catch (error) {
    return { reason: inWords(error), ruleId: 'unreadable' }
  } finally {
    closeSync(fd)
  }
}

function outside(path: string, manuscript: Manuscript): Refusal {
  // A path that names a place inside the folder, yet leads out, does so through a link.
  const named = relative(manuscript.folder, resolve(manuscript.cwd, path))
  const viaLink = named !== '' && named !== '..' && !named.startsWith(`..${sep}`) && !isAbsolute(named)
  return { reason: `it leads outside the manuscript folder${viaLink ? ' through a symbolic link' : ''}, expected a path inside it`, ruleId: 'outside' }
}

/** Whether the system tells the path an open file descriptor has (Linux's /proc/self/fd). */
const PROC_FD = process.platform === 'linux' && existsSync('/proc/self/fd')

/** The path the open file descriptor has, where the system tells it; else undefined. */
function openedPath(fd: number): string | undefined {
  if (!PROC_FD) return undefined
  try {
    return readlinkSync(`/proc/self/fd/${fd}`)
  } catch {
    return undefined
  }
}

function readAll(fd: number, reuse: boolean): Buffer {
  let buffer = reuse ? shared : Buffer.allocUnsafe(1 << 16)
  let length = 0
  for (;;) {
    // Read until a read of nothing: some file systems return less than asked before the end.
    let read: number
    try {
      read = readSync(fd, buffer, length, buffer.length - length, null)
    } catch (error) {
      // A FIFO (or other non-blocking stream) that was swapped in after the check.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') throw Object.assign(new Error('not a file'), { code: 'ESPIPE' })
      throw error
    }
    if (read === 0) break
    length += read
    if (length < buffer.length) continue
    const bigger = Buffer.allocUnsafeSlow(buffer.length * 2)
    buffer.copy(bigger)
    buffer = bigger
    if (reuse) shared = buffer
  }
  return reuse ? buffer.subarray(0, length) : Buffer.from(buffer.subarray(0, length))
}

/** What a file that is not a regular file is, in words; undefined for a regular file. */
function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Whether anything has this name (a file, a folder, a link, even one to
 * nothing): a name that cannot even be looked at (permission denied) counts,
 * so that reading it says why instead of leaving it out.
 */
export function isNamed(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined
  } catch {
    return true
  }
}

/** One entry of a manuscript folder, its links followed. */
export interface Entry {
  name: string
  /** `file` for a regular file (or a link to one), `folder` likewise; `other` for anything else. */
  kind: 'file' | 'folder' | 'other'
  /** Why the entry cannot be used, for `other`: a link loop, a dangling link, a FIFO … */
  problem?: string
}

/**
 * The entries of a folder inside the manuscript (names starting with `.`
 * left out), each link followed to say what it leads to. Undefined when the
 * folder does not exist (front/ and back/ are optional); a refusal when it
 * cannot be listed or leads outside the manuscript.
 */
export function listInside(manuscript: Manuscript, dir: string): Entry[] | Refusal | undefined {
  let real: string
  try {
    real = realpathSync.native(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return { reason: inWords(error), ruleId: 'unreadable' }
  }
  if (!isInside(manuscript, real, true)) return outside(dir, manuscript)
  let dirents: Dirent[]
  try {
    dirents = readdirSync(real, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return { reason: 'it is a file, expected a folder', ruleId: 'not-a-file' }
    return { reason: inWords(error), ruleId: 'unreadable' }
  }
  const entries: Entry[] = []
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue
    if (dirent.isFile()) entries.push({ name: dirent.name, kind: 'file' })
    else if (dirent.isDirectory()) entries.push({ name: dirent.name, kind: 'folder' })
    else entries.push(followed(join(real, dirent.name), dirent.name))
  }
  return entries
}

/** A link (or an entry the listing could not type) as what it leads to. */
function followed(path: string, name: string): Entry {
  try {
    const stats = statSync(path)
    if (stats.isFile()) return { name, kind: 'file' }
    if (stats.isDirectory()) return { name, kind: 'folder' }
    return { name, kind: 'other', problem: `it is ${kindOf(stats) ?? 'not a regular file'}` }
  } catch (error) {
    return { name, kind: 'other', problem: inWords(error) }
  }
}

/** The reason a path that does not exist is given. */
export const NOT_FOUND = 'it does not exist (it vanished, or is a symbolic link to nothing)'

const REASONS: Record<string, string> = {
  ENOENT: NOT_FOUND,
  ELOOP: 'it is a loop of symbolic links',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder, expected a file',
  ENXIO: 'it is a socket or a device without a reader, expected a file',
  ESPIPE: 'it is a stream, not a regular file',
  ENAMETOOLONG: 'its name is too long',
  EIO: 'an input/output error of the disk',
  EMFILE: 'too many files open',
  ENFILE: 'too many files open',
  EOVERFLOW: 'it is too large to read',
  ERR_FS_FILE_TOO_LARGE: 'it is too large to read',
}

/** A file-system error as a reason in words, without its path. */
export function inWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code && REASONS[code]) return REASONS[code]
  return code ? `the system refused to read it (${code})` : 'it could not be read'
}
