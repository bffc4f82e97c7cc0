import { SaxesParser } from 'saxes'
import { quickWellFormed } from './quick-well-formed.ts'

export interface XmlProblem {
  message: string
  line: number
  column: number
}

/**
 * The first well-formedness error of an XML document, or undefined. A
 * document the quick test reads as well-formed (every page a build makes)
 * is not parsed; any other is parsed by saxes, which names the problem.
 */
export function wellFormedError(xml: string): XmlProblem | undefined {
  if (quickWellFormed(xml)) return undefined
  return saxesError(xml)
}

/** The first well-formedness error saxes finds (with namespaces), or undefined. */
export function saxesError(xml: string): XmlProblem | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let problem: XmlProblem | undefined
  parser.on('error', (error) => {
    problem ??= { message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), line: parser.line, column: parser.column }
  })
  parser.write(xml).close()
  return problem
}
