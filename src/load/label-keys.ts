/**
 * The name of every word colophon writes into a book, as `labels:` in
 * book.yaml names it to override or supply one: a flat key, or a group and
 * a key (`matter.dedication`, `roles.trl`). The render stage's `Labels`
 * has exactly these fields (test/labels.test.ts checks).
 */
export const LABEL_KEYS = [
  'cover', 'coverAlt', 'titlePage', 'contents', 'landmarks', 'beginReading', 'sceneBreak', 'chapter', 'authorsNote', 'authorsHeadNote', 'by',
  'roles.edt', 'roles.trl', 'roles.ill', 'roles.aui', 'roles.ctb',
  'and', 'workFacts', 'summary', 'fandoms', 'rating', 'warnings', 'relationships', 'characters', 'tags', 'series', 'seriesPart',
  'status', 'complete', 'inProgress', 'words', 'source', 'contentWarnings', 'contentWarningsIntro', 'skipWarnings', 'edition',
  'published', 'publisher', 'rights', 'identifier', 'madeWith', 'note', 'notes', 'backToText',
  'a11yText', 'a11yImages', 'a11yNoImages', 'a11yFootnotes', 'a11yChecked',
  'matter.disclaimer', 'matter.dedication', 'matter.epigraph', 'matter.foreword', 'matter.preface', 'matter.introduction',
  'matter.prologue', 'matter.epilogue', 'matter.afterword', 'matter.acknowledgments', 'matter.about-the-author', 'matter.colophon',
] as const

export type LabelKey = (typeof LABEL_KEYS)[number]
