/** One problem a checker found in an EPUB. */
export interface Finding {
  severity: 'error' | 'warning'
  /** The checker's own id: `RSC-005`, `epub-type-has-matching-role`. */
  id: string
  message: string
  /** Entry inside the EPUB, with line and column when the checker gives them. */
  path?: string
  line?: number
  column?: number
}

/** What one checker said, or why it did not run. */
export interface ToolReport {
  tool: 'colophon' | 'epubcheck-ts' | 'epubcheck' | 'ace'
  /** Version or how it ran, for the report's header. */
  detail?: string
  /** False when the checker is not installed here; `skipped` says how to install it. */
  ran: boolean
  skipped?: string
  findings: Finding[]
}

export interface CheckReport {
  file: string
  tools: ToolReport[]
  errors: number
  warnings: number
}
