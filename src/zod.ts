// zod/mini: the schemas of book.yaml and the lint's suppressions file. It is
// a fifth of full zod's code to load on every build, as long as it is
// imported as a namespace and used by property (`z.string()`), so that the
// bundler keeps only what is used. Full zod would set its English messages
// itself; mini is told to here.
import { en } from 'zod/locales'
import { config } from 'zod/mini'

config(en())

export * from 'zod/mini'
