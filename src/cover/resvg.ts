import { createRequire } from 'node:module'
import type { Resvg, ResvgRenderOptions } from '@resvg/resvg-js'

export type { ResvgRenderOptions }

type Make = (svg: string, options: ResvgRenderOptions) => Resvg

const require = createRequire(import.meta.url)

/**
 * resvg for this machine. On glibc Linux its prebuilt binding is required by
 * name: `@resvg/resvg-js` itself first asks `process.report` whether the C
 * library is musl, and building that report took 8 ms of the cover thread's
 * start. Anywhere else, or when that package is missing or will not load (a
 * musl system), `@resvg/resvg-js` chooses its binding as it always does.
 */
function load(): Make {
  if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
    try {
      // The binding's class takes its options as JSON, which the package's own class writes.
      const binding = require(`@resvg/resvg-js-linux-${process.arch}-gnu`) as { Resvg: new (svg: string, options: string) => Resvg }
      return (svg, options) => new binding.Resvg(svg, JSON.stringify(options))
    } catch {
      // Not installed here: the package's own choice below.
    }
  }
  const { Resvg: Package } = require('@resvg/resvg-js') as { Resvg: new (svg: string, options: ResvgRenderOptions) => Resvg }
  return (svg, options) => new Package(svg, options)
}

// Loaded with the module, as a static import would: the cover thread loads it while it waits for its text.
const make = load()

/** An SVG parsed for rendering, as `new Resvg(svg, options)` of `@resvg/resvg-js` gives it. */
export function resvg(svg: string, options: ResvgRenderOptions): Resvg {
  return make(svg, options)
}
