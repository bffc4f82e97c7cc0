#!/usr/bin/env node
// Runs a TypeScript script of the project (the benchmark) through tsx's loader.
import { register } from 'tsx/esm/api'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

register()
const [script, ...rest] = process.argv.slice(2)
if (!script) {
  console.error('Usage: node src/run-ts.js SCRIPT.ts [ARGS]')
  process.exit(2)
}
process.argv = [process.argv[0], resolve(script), ...rest]
await import(pathToFileURL(resolve(script)).href)
