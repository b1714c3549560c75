let context: AudioContext | null = null

/**
 * A short beep made with Web Audio (no sound file to ship or fetch): one tone for a heads-up,
 * `count` tones for the last call. Silently does nothing where audio is unavailable.
 */
export function playWarningBeep(count = 1, frequency = 880): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
    const start = context.currentTime + 0.02
    for (let i = 0; i < count; i++) {
      const at = start + i * 0.22
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(at)
      oscillator.stop(at + 0.18)
    }
  } catch {
    // No audio device or no Web Audio: the colour change still shows the warning.
  }
}
