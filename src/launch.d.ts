// Types of the launcher (launch.js), which is plain JavaScript: it runs before any TypeScript is loaded.

/** Import one of colophon's modules (`cli` or `api`), from the bundle or, without one, through tsx. */
export function load(name: 'cli' | 'api'): Promise<Record<string, unknown>>

/** Remove bundles of earlier source states unused for a day, but for the current one and the four used last. */
export function pruneBundles(cacheFolder: string, current: string | undefined, now?: number): void

/** The hash of the sources under `base`/src that names their bundle, taken from the stamp in `cacheFolder` while every file stats as when it was made. */
export function sourceHash(cacheFolder: string, base?: string): Promise<string>
