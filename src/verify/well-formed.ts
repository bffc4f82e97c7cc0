import { SaxesParser } from 'saxes'

export interface XmlProblem {
  message: string
  line: number
  column: number
}

/** The first well-formedness error of an XML document, or undefined. */
export function wellFormedError(xml: string): XmlProblem | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let problem: XmlProblem | undefined
  parser.on('error', (error) => {
    problem ??= { message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), line: parser.line, column: parser.column }
  })
  parser.write(xml).close()
  return problem
}
