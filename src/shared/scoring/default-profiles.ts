import profilesJson from '../../../resources/scoring-profiles.json'
import { parseScoringProfiles, type ScoringProfiles } from './profiles'

/** The profiles shipped with the app. Parsed once, so every caller shares one object (and one matcher cache). */
export const defaultProfiles: ScoringProfiles = parseScoringProfiles(profilesJson)
