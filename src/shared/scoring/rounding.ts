/** Rounds for the report: readable numbers, and no float noise that would make two reports differ in the last digit. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
