export { Captions } from './Captions'
export { VoiceSettingsCard } from './VoiceSettingsCard'
export { useInterviewerVoice, type InterviewerVoice } from './use-interviewer-voice'
export type { Caption, InterviewerVoiceState } from './voice-controller'
