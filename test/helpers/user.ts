import { execFileSync } from 'node:child_process'

/** The user permission tests run the CLI as, when the tests run as root (CI does). */
export const TEST_USER = 'colophon-test'

export interface Unprivileged {
  /** Command and arguments to put before `node …`: empty when the tests already run as a plain user. */
  prefix: string[]
  /** Owner for the files the run must be able to write (undefined: the current user). */
  owner?: { uid: number; gid: number }
}

/**
 * How to run a command as a user the file system's permissions apply to.
 * Root reads every file whatever its mode, so as root a plain user is made
 * (`useradd`) and the command run as it (`setpriv`). A string says why this
 * cannot be done here (the permission tests are then skipped, saying so).
 */
export function unprivileged(): Unprivileged | string {
  if (typeof process.getuid !== 'function') return 'no POSIX users on this system'
  if (process.getuid() !== 0) return { prefix: [] }
  const id = (): { uid: number; gid: number } | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', TEST_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
      const gid = Number(execFileSync('id', ['-g', TEST_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined
    } catch {
      return undefined
    }
  }
  let owner = id()
  if (!owner) {
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', TEST_USER], { stdio: 'ignore' })
    } catch {
      // Another test process may have made it at the same moment: look again.
    }
    owner = id()
  }
  if (!owner) return `running as root, and \`useradd ${TEST_USER}\` failed`
  const prefix = ['setpriv', `--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--clear-groups', '--']
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' })
  } catch {
    return 'running as root, and `setpriv` (util-linux) is missing'
  }
  try {
    // The user must be allowed to change to, and to run Node and colophon from where they are.
    execFileSync(prefix[0] as string, [...prefix.slice(1), process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(process.cwd())})`], { stdio: 'ignore' })
  } catch {
    return `running as root, and ${TEST_USER} cannot run Node and read colophon here (setpriv refused, or a folder on the way is private)`
  }
  return { prefix, owner }
}
