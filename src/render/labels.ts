/**
 * Every word colophon itself puts in a book, one table per language; a
 * language without a table falls back to English. `{…}` marks a value
 * filled in by `format`.
 */
export interface Labels {
  cover: string
  /** Alt text of a cover: `{title}`, `{authors}`. */
  coverAlt: string
  titlePage: string
  contents: string
  landmarks: string
  beginReading: string
  sceneBreak: string
  chapter: string
  authorsNote: string
  /** Accessible name of the author's note set before a chapter's text (`head-note.md`); it must differ from `authorsNote`. */
  authorsHeadNote: string
  by: string
  /** A contributor's credit by MARC relator code: `trl` → "Translated by". */
  roles: Record<string, string>
  and: string
  /** Accessible name of the title page's list of facts about the work. */
  workFacts: string
  summary: string
  fandoms: string
  rating: string
  warnings: string
  relationships: string
  characters: string
  tags: string
  series: string
  /** `{number}`, `{series}`. */
  seriesPart: string
  status: string
  complete: string
  inProgress: string
  words: string
  source: string
  contentWarnings: string
  contentWarningsIntro: string
  skipWarnings: string
  edition: string
  published: string
  publisher: string
  rights: string
  identifier: string
  /** `{generator}`. */
  madeWith: string
  note: string
  notes: string
  backToText: string
  /** Titles of matter pages by kind: a file `01-dedication.md` is titled by `matter.dedication`. */
  matter: Record<MatterKind, string>
}

export type MatterKind =
  | 'disclaimer'
  | 'dedication'
  | 'epigraph'
  | 'foreword'
  | 'preface'
  | 'introduction'
  | 'prologue'
  | 'epilogue'
  | 'afterword'
  | 'acknowledgments'
  | 'about-the-author'
  | 'colophon'

const en: Labels = {
  cover: 'Cover',
  coverAlt: 'Cover: {title}, by {authors}',
  titlePage: 'Title Page',
  contents: 'Contents',
  landmarks: 'Landmarks',
  beginReading: 'Begin Reading',
  sceneBreak: 'Scene break',
  chapter: 'Chapter',
  authorsNote: 'Author’s Note',
  authorsHeadNote: 'Author’s Note Before the Chapter',
  by: 'by',
  roles: { edt: 'Edited by', trl: 'Translated by', ill: 'Illustrated by', aui: 'Introduction by', ctb: 'With contributions by' },
  and: 'and',
  workFacts: 'About this work',
  summary: 'Summary',
  fandoms: 'Fandoms',
  rating: 'Rating',
  warnings: 'Archive Warnings',
  relationships: 'Relationships',
  characters: 'Characters',
  tags: 'Additional Tags',
  series: 'Series',
  seriesPart: 'Part {number} of {series}',
  status: 'Status',
  complete: 'Complete',
  inProgress: 'In progress',
  words: 'Words',
  source: 'Source',
  contentWarnings: 'Content Warnings',
  contentWarningsIntro: 'This story carries these warnings:',
  skipWarnings: 'Skip to the story',
  edition: 'Edition',
  published: 'Published',
  publisher: 'Publisher',
  rights: 'Rights',
  identifier: 'Identifier',
  madeWith: 'Made with {generator}.',
  note: 'Note',
  notes: 'Notes',
  backToText: 'Back to text',
  matter: {
    disclaimer: 'Disclaimer',
    dedication: 'Dedication',
    epigraph: 'Epigraph',
    foreword: 'Foreword',
    preface: 'Preface',
    introduction: 'Introduction',
    prologue: 'Prologue',
    epilogue: 'Epilogue',
    afterword: 'Afterword',
    acknowledgments: 'Acknowledgments',
    'about-the-author': 'About the Author',
    colophon: 'Colophon',
  },
}

const fr: Labels = {
  cover: 'Couverture',
  coverAlt: 'Couverture : {title}, par {authors}',
  titlePage: 'Page de titre',
  contents: 'Table des matières',
  landmarks: 'Repères',
  beginReading: 'Commencer la lecture',
  sceneBreak: 'Changement de scène',
  chapter: 'Chapitre',
  authorsNote: 'Note de l’auteur',
  authorsHeadNote: 'Note de l’auteur avant le chapitre',
  by: 'par',
  roles: { edt: 'Édité par', trl: 'Traduit par', ill: 'Illustré par', aui: 'Introduction de', ctb: 'Avec la participation de' },
  and: 'et',
  workFacts: 'À propos de cette œuvre',
  summary: 'Résumé',
  fandoms: 'Fandoms',
  rating: 'Classement',
  warnings: 'Avertissements',
  relationships: 'Relations',
  characters: 'Personnages',
  tags: 'Autres étiquettes',
  series: 'Série',
  seriesPart: 'Tome {number} de {series}',
  status: 'État',
  complete: 'Terminée',
  inProgress: 'En cours',
  words: 'Mots',
  source: 'Source',
  contentWarnings: 'Avertissements de contenu',
  contentWarningsIntro: 'Cette histoire comporte ces avertissements :',
  skipWarnings: 'Passer à l’histoire',
  edition: 'Édition',
  published: 'Publication',
  publisher: 'Éditeur',
  rights: 'Droits',
  identifier: 'Identifiant',
  madeWith: 'Réalisé avec {generator}.',
  note: 'Note',
  notes: 'Notes',
  backToText: 'Retour au texte',
  matter: {
    disclaimer: 'Avertissement',
    dedication: 'Dédicace',
    epigraph: 'Épigraphe',
    foreword: 'Avant-propos',
    preface: 'Préface',
    introduction: 'Introduction',
    prologue: 'Prologue',
    epilogue: 'Épilogue',
    afterword: 'Postface',
    acknowledgments: 'Remerciements',
    'about-the-author': 'À propos de l’auteur',
    colophon: 'Colophon',
  },
}

const de: Labels = {
  cover: 'Umschlag',
  coverAlt: 'Umschlag: {title}, von {authors}',
  titlePage: 'Titelseite',
  contents: 'Inhalt',
  landmarks: 'Orientierungspunkte',
  beginReading: 'Lesen beginnen',
  sceneBreak: 'Szenenwechsel',
  chapter: 'Kapitel',
  authorsNote: 'Anmerkung des Autors',
  authorsHeadNote: 'Anmerkung des Autors vor dem Kapitel',
  by: 'von',
  roles: { edt: 'Herausgegeben von', trl: 'Übersetzt von', ill: 'Illustriert von', aui: 'Einleitung von', ctb: 'Unter Mitarbeit von' },
  and: 'und',
  workFacts: 'Über dieses Werk',
  summary: 'Zusammenfassung',
  fandoms: 'Fandoms',
  rating: 'Altersfreigabe',
  warnings: 'Warnungen',
  relationships: 'Beziehungen',
  characters: 'Figuren',
  tags: 'Weitere Tags',
  series: 'Reihe',
  seriesPart: 'Teil {number} von {series}',
  status: 'Status',
  complete: 'Abgeschlossen',
  inProgress: 'In Arbeit',
  words: 'Wörter',
  source: 'Quelle',
  contentWarnings: 'Inhaltswarnungen',
  contentWarningsIntro: 'Diese Geschichte trägt folgende Warnungen:',
  skipWarnings: 'Zur Geschichte springen',
  edition: 'Ausgabe',
  published: 'Erschienen',
  publisher: 'Verlag',
  rights: 'Rechte',
  identifier: 'Kennung',
  madeWith: 'Erstellt mit {generator}.',
  note: 'Anmerkung',
  notes: 'Anmerkungen',
  backToText: 'Zurück zum Text',
  matter: {
    disclaimer: 'Haftungsausschluss',
    dedication: 'Widmung',
    epigraph: 'Motto',
    foreword: 'Geleitwort',
    preface: 'Vorwort',
    introduction: 'Einleitung',
    prologue: 'Prolog',
    epilogue: 'Epilog',
    afterword: 'Nachwort',
    acknowledgments: 'Danksagung',
    'about-the-author': 'Über den Autor',
    colophon: 'Impressum',
  },
}

const tables: Record<string, Labels> = { en, fr, de }

export function labelsFor(language: string): Labels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en'
  return tables[primary] ?? en
}

/** Fill `{name}` placeholders of a label. */
export function format(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** `A`, `A and B`, `A, B and C` in the book's language. */
export function listNames(names: string[], labels: Labels, language: string): string {
  // One name needs no list, and Intl.ListFormat's first use costs some 20 ms of loading locale data.
  if (names.length < 2) return names[0] ?? ''
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
  } catch {
    return `${names.slice(0, -1).join(', ')} ${labels.and} ${names.at(-1)}`
  }
}
