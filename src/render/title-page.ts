import type { Metadata } from '../load/metadata.ts'
import { format, type Labels } from './labels.ts'

/** One line of the title page's preface: `Fandoms: Star Trek (2009)`. */
export interface Fact {
  term: string
  /** The values, typeset and joined by commas. */
  value: string
  /** Where the value links to (the source URL). */
  href?: string
}

/**
 * The facts Archive of Our Own and FanFicFare put at the head of a work, in
 * AO3's order: rating, warnings, fandoms, relationships, characters, tags,
 * then series, status, words and where it was first published.
 */
export function workFacts(metadata: Metadata, words: string, labels: Labels, typeset: (text: string) => string): Fact[] {
  const fan = metadata.fanfiction
  const facts: Fact[] = []
  // Tags are names as the archive spells them (`Les Misérables - Victor Hugo`):
  // they are not typeset, so a reader can search for them as shown.
  const add = (term: string, values: string[], set: (text: string) => string = (text) => text): void => {
    if (values.length > 0) facts.push({ term, value: values.map(set).join(', ') })
  }
  add(labels.rating, fan.rating ? [fan.rating] : [])
  add(labels.warnings, fan.warnings)
  add(labels.fandoms, fan.fandoms)
  add(labels.relationships, fan.relationships)
  add(labels.characters, fan.characters)
  add(labels.tags, fan.tags)
  const series = metadata.series
  if (series) {
    add(labels.series, [series.number === undefined ? series.name : format(labels.seriesPart, { number: series.number, series: series.name })], typeset)
  }
  if (fan.status) add(labels.status, [fan.status === 'complete' ? labels.complete : labels.inProgress])
  add(labels.words, [words])
  if (fan.source) facts.push({ term: labels.source, value: fan.source, href: fan.source })
  return facts
}
