import { execFileSync } from 'node:child_process'
import { chmod, chown, mkdir, readdir, readFile, symlink } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { dirname, join } from 'node:path'
import type { Unprivileged } from './user.ts'

/**
 * What git cannot hold (or holds badly) in a fixture: `hostile.json` in a
 * case's folder says which links, FIFOs, sockets and unreadable files the
 * test makes in its copy of the case before running the CLI. Paths are
 * relative to the case's folder; link targets are written as given.
 */
export interface Hostile {
  /** Path → target of a symbolic link. */
  links?: Record<string, string>
  fifos?: string[]
  /** Unix sockets, listened on while the CLI runs. */
  sockets?: string[]
  /** Files or folders made unreadable (mode 000): the CLI then runs as a plain user. */
  unreadable?: string[]
}

export async function readHostile(folder: string): Promise<Hostile | undefined> {
  try {
    return JSON.parse(await readFile(join(folder, 'hostile.json'), 'utf8')) as Hostile
  } catch {
    return undefined
  }
}

/** Make what `hostile` says in `work`; returns what to undo once the CLI has run. */
export async function makeHostile(work: string, hostile: Hostile, user: Unprivileged | undefined): Promise<() => Promise<void>> {
  const servers: Server[] = []
  for (const [path, target] of Object.entries(hostile.links ?? {})) {
    await mkdir(dirname(join(work, path)), { recursive: true })
    await symlink(target, join(work, path))
  }
  for (const path of hostile.fifos ?? []) execFileSync('mkfifo', [join(work, path)])
  for (const path of hostile.sockets ?? []) {
    const server = createServer()
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(join(work, path), resolve))
    servers.push(server)
  }
  if (user?.owner) await chownTree(work, user.owner.uid, user.owner.gid)
  for (const path of hostile.unreadable ?? []) await chmod(join(work, path), 0o000)
  return async () => {
    for (const path of hostile.unreadable ?? []) await chmod(join(work, path), 0o755)
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  }
}

/** Give a tree to the plain user the CLI runs as, links themselves and not what they lead to. */
async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid)
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    if (entry.isDirectory()) await chownTree(child, uid, gid)
    else if (entry.isFile()) await chown(child, uid, gid)
  }
}
