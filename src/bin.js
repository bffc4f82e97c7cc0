#!/usr/bin/env node
// The command-line entry: a thin shell over the library (src/cli/).
import { load } from './launch.js'

if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
const { main } = await load('cli')
process.exitCode = await main(process.argv.slice(2))
