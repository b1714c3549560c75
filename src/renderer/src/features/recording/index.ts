export { RecordingControls, NO_WORDS_MESSAGE } from './RecordingControls'
export type { RecordingControlsProps } from './RecordingControls'
export { MicrophonePicker } from './MicrophonePicker'
export { TakeList, describeTake } from './TakeList'
