// Types of the bundler (bundle.js), plain JavaScript run by npm's `prepare` and `prepack`.

/** Where the bundle goes: src/bundled/. */
export const BUNDLE_FOLDER: string

/** A hash of the names and contents of colophon's sources (src/, without the bundle) and of package-lock.json. */
export function sourceHash(): string

/** Build the bundle into src/bundled/, replacing the one there at once; resolves to its folder. */
export function bundle(): Promise<string>
