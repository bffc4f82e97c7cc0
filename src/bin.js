#!/usr/bin/env node
// The command-line entry. colophon ships TypeScript and runs it through tsx's
// loader, so `npm ci` is all a user needs (docs/decisions/0003-run-typescript-through-tsx.md).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
