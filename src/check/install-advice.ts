import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'

/** How colophon itself was installed, which decides how to add a tool beside it. */
export type InstallKind = 'npx' | 'project' | 'global' | 'source'

/**
 * Tell the install from colophon's own folder: npx runs packages from its
 * cache (`…/_npx/<hash>/node_modules/colophon`); a project's dependency
 * sits in `<project>/node_modules/`, beside the project's package.json; a
 * global install in the prefix's `lib/node_modules/` (`node_modules/` on
 * Windows), where no package.json is; anything else is a checkout.
 */
export function installKind(root: string): InstallKind {
  const parts = root.split(/[\\/]+/).filter(Boolean)
  if (parts.includes('_npx')) return 'npx'
  const modules = parts.lastIndexOf('node_modules')
  if (modules === -1) return 'source'
  const above = parts.slice(0, modules).join(sep)
  const owner = root.startsWith(sep) ? `${sep}${above}` : above
  return existsSync(join(owner, 'package.json')) ? 'project' : 'global'
}

/**
 * What to run to add npm package `pkg` (whose program is `bin`) so that
 * colophon finds it, for this kind of install. `env` is the line's
 * environment (PUPPETEER_SKIP_DOWNLOAD=1: colophon drives the system's
 * Chromium, and needs no browser downloaded).
 */
export function npmAdvice(pkg: string, kind: InstallKind, options: { env?: string; command?: string } = {}): string {
  const env = options.env ? `${options.env} ` : ''
  switch (kind) {
    case 'npx':
      return `colophon runs through npx: npx --package colophon --package ${pkg} colophon ${options.command ?? 'check BOOK.epub'}, or ${env}npm install -g ${pkg}`
    case 'project':
      return `colophon is a dependency of this project: ${env}npm install --save-dev ${pkg}`
    case 'global':
      return `colophon is installed globally: ${env}npm install -g ${pkg}`
    case 'source':
      return `in colophon's own folder: ${env}npm install (${pkg} is one of its dev dependencies)`
  }
}

/**
 * How the user runs colophon, for the next step a message suggests: a
 * global install puts `colophon` on PATH; a project's dependency, an npx run
 * and a checkout do not (npm puts node_modules/.bin on PATH only for npm's
 * own scripts), and `npx colophon` finds colophon in all three.
 */
export function colophonCommand(kind: InstallKind): string {
  return kind === 'global' ? 'colophon' : 'npx colophon'
}
