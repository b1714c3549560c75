export { parseLexicon, LexiconSchema, type Lexicon, type Concept, type PhraseRule, type DetectorId } from './lexicon'
export { scoreTranscript, bandOf, type ScoreInput } from './score-transcript'
export { DELIVERY_TARGETS, DELIVERY_PART_WEIGHTS, DELIVERY_FULL_CREDIT_WORDS } from './delivery'
export {
  parseScoringProfiles,
  profileFor,
  describeProfiles,
  componentLabels,
  type ScoringProfiles,
  type ScoringProfile,
  type ScoreComponentId
} from './profiles'
export { scoreAnswer, speechTimingOf, unscoredReasons, type ScorableAnswer, type ScoredAnswer, type SpeechTiming } from './score-answer'
export * from './report-schema'
