/**
 * Seeded French prose, typed the way French writers type on a plain
 * keyboard: dialogue lines opened by `- ` or `-- ` (which colophon reads as
 * dialogue, not lists), straight `"` around quotations with a space inside
 * as often as not, `l'homme` apostrophes, a space before `: ; ! ?`,
 * `M. Dupont`, `20 h 30`, spaced ` - ` dashes and `...`. The French
 * vocabulary `prose.ts` writes the French bench book with.
 */
import type { Random } from './prng.ts'
import { capitalise, type Vocabulary } from './prose.ts'

const words = (text: string): readonly string[] => text.trim().split(/\s+/)

const firstNames = words('Élise Thomas Margot Arthur Béatrice Samuel Claire Edmond Henriette Jonas Lydie Mathieu Noémie Olivier Rosalie Silvain Tessa Victor Adèle Félix Hazel Isaac Juliette Laurent Mabel')
const surnames = words('Dupont Leroux Martin Garnier Chevalier Faure Rousseau Girard Bonnet Lambert Fontaine Mercier Blanchard Guérin Morel')
/** [noun, article]: elided nouns take `l'`. */
const nouns: ReadonlyArray<readonly [string, string]> = [
  ['rivière', 'la'], ['lampe', 'la'], ['lettre', 'la'], ['fenêtre', 'la'], ['porte', 'la'], ['escalier', "l'"],
  ['jardin', 'le'], ['verger', 'le'], ['lanterne', 'la'], ['carte', 'la'], ['horloge', "l'"], ['église', "l'"],
  ['pont', 'le'], ['miroir', 'le'], ['chemin', 'le'], ['champ', 'le'], ['moulin', 'le'], ['puits', 'le'],
  ['tour', 'la'], ['clé', 'la'], ['manteau', 'le'], ['bougie', 'la'], ['table', 'la'], ['livre', 'le'],
  ['encre', "l'"], ['enveloppe', "l'"], ['échelle', "l'"], ['ancre', "l'"], ['orage', "l'"], ['hiver', "l'"],
  ['été', "l'"], ['automne', "l'"], ['étranger', "l'"], ['médecin', 'le'], ['sœur', 'la'], ['frère', 'le'],
  ['mère', 'la'], ['voisin', 'le'], ['soldat', 'le'], ['enfant', "l'"], ['chien', 'le'], ['renard', 'le'],
  ['pain', 'le'], ['vin', 'le'], ['gare', 'la'], ['billet', 'le'], ['piano', 'le'], ['silence', 'le'], ['aube', "l'"],
]
const adjectives = words('vieux vieille calme étroit brisé sombre froid chaud pâle lourd léger mince doré rouillé lointain soudain doux las étrange vide immense gris vert humide caché ouvert oublié ancien fier')
const transitive = words('ouvrit ferma porta regarda trouva perdit répara lut plia alluma cacha suivit étudia vendit acheta enterra peignit compta scella chercha garda toucha')
const intransitive = words('attendit rit soupira hésita frissonna sourit erra dormit revint disparut acquiesça')
const adverbs = words('lentement doucement soudain prudemment enfin presque déjà rarement souvent encore patiemment')
const prepositions = words('près derrière sous devant contre vers dans sans avec')
const speechVerbs = words('dit demanda murmura répondit souffla lança insista avoua répliqua')
const openers = ['Le matin', 'Le soir venu', 'Enfin', 'Un instant', "Sans un mot", 'Pourtant', "Au bout d'un moment", "Avant l'aube", 'Une fois de plus'] as const

function nounPhrase(random: Random): string {
  const [noun, article] = random.pick(nouns)
  const determiner = article === "l'" ? "l'" : `${article} `
  switch (random.int(0, 3)) {
    case 0: return `${determiner}${noun}`
    case 1: return `${determiner}${noun} ${random.pick(adjectives)}`
    case 2: return `${determiner}${noun} de ${random.pick(firstNames)}`
    default: return `${random.pick(['son', 'sa', 'leur'])} ${noun}`
  }
}

function subject(random: Random): string {
  const roll = random.int(0, 9)
  if (roll < 3) return random.pick(firstNames)
  if (roll === 3) return `${random.pick(['M.', 'Mme', 'Dr'])} ${random.pick(surnames)}`
  if (roll < 7) return random.pick(['il', 'elle', 'on'])
  return nounPhrase(random)
}

function clause(random: Random): string {
  switch (random.int(0, 3)) {
    case 0: return `${subject(random)} ${random.pick(transitive)} ${nounPhrase(random)}`
    case 1: return `${subject(random)} ${random.pick(intransitive)} ${random.pick(adverbs)}`
    case 2: return `${subject(random)} ${random.pick(transitive)} ${nounPhrase(random)} ${random.pick(prepositions)} ${nounPhrase(random)}`
    default: return `${subject(random)} ${random.pick(intransitive)} ${random.pick(prepositions)} ${nounPhrase(random)}`
  }
}

function narrativeSentence(random: Random): string {
  let body = clause(random)
  const roll = random.next()
  if (roll < 0.18) body = `${random.pick(openers)}, ${body}`
  else if (roll < 0.34) body = `${body}, et ${clause(random)}`
  else if (roll < 0.46) body = `${body} - ${nounPhrase(random)} ${random.pick(prepositions)} ${nounPhrase(random)} - ${clause(random)}`
  else if (roll < 0.5) body = `${body} à ${random.int(6, 23)} h ${random.int(10, 59)}`
  else if (roll < 0.56) body = `${body} : ${clause(random)}`
  body = capitalise(body)
  if (random.chance(0.08)) body = body.replace(/ (\p{L}+)$/u, ' *$1*')
  return body + (random.chance(0.05) ? '...' : '.')
}

function speech(random: Random): string {
  switch (random.int(0, 4)) {
    case 0: return `tu n'as pas vu ${nounPhrase(random)} ?`
    case 1: return `c'est ${nounPhrase(random)}, voilà tout !`
    case 2: return `on l'appelle "${random.pick(nouns)[0]} ${random.pick(adjectives)}" par ici.`
    case 3: return `eh bien... ${clause(random)}.`
    default: return `${clause(random)} ; je m'en souviens.`
  }
}

function dialogueParagraph(random: Random): string {
  const said = random.pick(speechVerbs)
  const who = random.chance(0.6) ? random.pick(['il', 'elle']) : random.pick(firstNames)
  const dash = random.pick(['- ', '-- ', '— '])
  switch (random.int(0, 3)) {
    case 0: return `${dash}${capitalise(speech(random))}`
    case 1: return `${dash}${capitalise(speech(random)).replace(/[.!?]$/, ',')} ${said}-${who === 'il' || who === 'elle' ? who : 'il'}.`
    case 2: return `${narrativeSentence(random)} "${capitalise(speech(random))}"`
    default: return `${dash}${capitalise(speech(random))} ${dash.trim()} ${said} ${who}. ${dash.trim()} ${capitalise(speech(random))}`
  }
}

function narrativeParagraph(random: Random): string {
  return Array.from({ length: random.int(1, 6) }, () => narrativeSentence(random)).join(' ')
}

/** French words and sentences for `prose` (`prose(random, words, { vocabulary: french })`). */
export const french: Vocabulary = { dialogueParagraph, narrativeParagraph, clause }
