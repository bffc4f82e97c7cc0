// Types of the launcher (launch.js), which is plain JavaScript: it runs before any TypeScript is loaded.

/** Import one of colophon's modules (`cli` or `api`), from the bundle or, without one, through tsx. */
export function load(name: 'cli' | 'api'): Promise<Record<string, unknown>>

/**
 * Whether the bundle under `base` (src/ by default) is missing, or, in a git
 * checkout, older than a source file: `fresh` otherwise.
 */
export function bundleState(base?: string): 'fresh' | 'stale' | 'missing'
