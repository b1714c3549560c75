import lexiconJson from '../../../resources/scoring-lexicon.json' with { type: 'json' }
import { parseLexicon, type Lexicon } from './lexicon'

/** The lexicon shipped with the app. Parsed once, so every caller shares one object (and one matcher cache). */
export const defaultLexicon: Lexicon = parseLexicon(lexiconJson)
