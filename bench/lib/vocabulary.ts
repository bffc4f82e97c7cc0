/**
 * Word lists for the synthetic prose. Varied enough that hyphenation, smart
 * quotes and word counts meet many different words, not one repeated line.
 */

const words = (text: string): readonly string[] => text.trim().split(/\s+/)

export const firstNames = words(`
  Eliza Thomas Margaret Arthur Beatrice Samuel Clara Edmund Harriet Jonah Lydia
  Matthew Nora Oliver Rosalind Silas Tessa Victor Winifred Abel Cora Felix Hazel
  Isaac June Laurence Mabel Nathaniel Ophelia Peregrine Ruth Theodore Una Walter
`)

export const surnames = words(`
  Hale Crane Ashdown Blackwood Carrow Dunmore Ellery Fairweather Gaskell Holloway
  Ingram Jessop Kettering Langley Marchbank Northcott Osgood Pennington Quarles
  Redfern Thackeray Underhill Vance Whitlock Yardley
`)

export const nouns = words(`
  river lamp letter window door staircase garden orchard lantern ledger map
  compass harbour bridge chapel clock mirror kettle hearth carriage wheel road
  field hedge meadow barn mill well tower gate key coat scarf glove boot hat
  candle table chair shelf drawer book page ink pen envelope stamp parcel basket
  rope ladder ship sail anchor tide shore cliff storm rain fog snow frost wind
  sky moon star morning evening night silence voice whisper promise secret
  stranger doctor sister brother mother father neighbour widow clerk soldier
  sailor teacher child dog horse crow fox hare owl apple bread cheese tea wine
  photograph telegram railway station platform engine ticket umbrella piano
  violin song memory winter summer autumn spring library archive cellar attic
`)

export const adjectives = words(`
  old quiet narrow broken bright dim cold warm pale dark heavy light thin thick
  crooked silver golden rusted wooden faded hollow distant careful sudden gentle
  weary restless patient bitter sweet strange familiar empty crowded small vast
  grey green crimson muddy frozen damp dry tall low long short hidden open
  forgotten borrowed stolen ancient modern humble proud anxious solemn brittle
`)

/** [base, past] pairs of verbs that take an object. */
export const transitiveVerbs: ReadonlyArray<readonly [string, string]> = [
  ['open', 'opened'], ['close', 'closed'], ['carry', 'carried'], ['watch', 'watched'],
  ['find', 'found'], ['lose', 'lost'], ['mend', 'mended'], ['read', 'read'],
  ['fold', 'folded'], ['light', 'lit'], ['hide', 'hid'], ['follow', 'followed'],
  ['remember', 'remembered'], ['study', 'studied'], ['lift', 'lifted'],
  ['sell', 'sold'], ['buy', 'bought'], ['bury', 'buried'], ['wrap', 'wrapped'],
  ['paint', 'painted'], ['clean', 'cleaned'], ['count', 'counted'],
  ['answer', 'answered'], ['question', 'questioned'], ['seal', 'sealed'],
  ['search', 'searched'], ['guard', 'guarded'], ['measure', 'measured'],
  ['touch', 'touched'], ['pocket', 'pocketed'], ['abandon', 'abandoned']
]

/** [base, past] pairs of verbs that stand alone. */
export const intransitiveVerbs: ReadonlyArray<readonly [string, string]> = [
  ['wait', 'waited'], ['laugh', 'laughed'], ['sigh', 'sighed'], ['pause', 'paused'],
  ['listen', 'listened'], ['hesitate', 'hesitated'], ['shiver', 'shivered'],
  ['smile', 'smiled'], ['frown', 'frowned'], ['wander', 'wandered'],
  ['linger', 'lingered'], ['sleep', 'slept'], ['stand', 'stood'], ['sit', 'sat'],
  ['return', 'returned'], ['vanish', 'vanished'], ['kneel', 'knelt'], ['nod', 'nodded']
]

export const adverbs = words(`
  slowly quietly suddenly carefully softly briskly reluctantly gravely
  absently gently finally nearly already rarely often once twice again
  anxiously patiently stubbornly tenderly wearily
`)

export const prepositions = words(`
  beside behind beneath above across along toward into from under near past
  through against
`)

export const speechVerbs = words(`said asked whispered replied murmured answered called insisted admitted`)

/** Contracted openings for dialogue, each followed by a base-form verb. */
export const contractedOpenings = words(`
  don't can't won't shouldn't couldn't wouldn't mustn't didn't
`)

export const pronounContractions = words(`
  I'm you're we're they're it's she's he's I'd we'll you'll that's there's
`)

/** Openers that pull a sentence away from subject-verb-object. */
export const sentenceOpeners = [
  'In the morning', 'By evening', 'At last', 'For a moment', 'Without a word',
  'Even so', 'After a while', 'Long before dawn', 'Once again', 'Before the war'
] as const

export const honorifics = ['Mr.', 'Mrs.', 'Dr.'] as const
