/** Words colophon itself puts on pages, per language; a missing language falls back to English. */
export interface Labels {
  titlePage: string
  contents: string
  landmarks: string
  sceneBreak: string
  authorsNote: string
  beginReading: string
  by: string
}

const tables: Record<string, Labels> = {
  en: {
    titlePage: 'Title Page',
    contents: 'Contents',
    landmarks: 'Landmarks',
    sceneBreak: 'Scene break',
    authorsNote: 'Author’s Note',
    beginReading: 'Begin Reading',
    by: 'by',
  },
  fr: {
    titlePage: 'Page de titre',
    contents: 'Table des matières',
    landmarks: 'Repères',
    sceneBreak: 'Changement de scène',
    authorsNote: 'Note de l’auteur',
    beginReading: 'Commencer la lecture',
    by: 'par',
  },
  de: {
    titlePage: 'Titelseite',
    contents: 'Inhalt',
    landmarks: 'Orientierungspunkte',
    sceneBreak: 'Szenenwechsel',
    authorsNote: 'Anmerkung des Autors',
    beginReading: 'Lesen beginnen',
    by: 'von',
  },
}

export function labelsFor(language: string): Labels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en'
  return tables[primary] ?? (tables.en as Labels)
}
