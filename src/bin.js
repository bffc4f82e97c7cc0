#!/usr/bin/env node
// The command-line entry: a thin shell over the library (src/cli/).
import { load } from './launch.js'

if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
// A reader that stops reading (`colophon --help | head`) is not an error of colophon's: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
const { main } = await load('cli')
process.exitCode = await main(process.argv.slice(2))
