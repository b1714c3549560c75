export type BankFileErrorCode =
  | 'empty'
  | 'binary'
  | 'not-decodable'
  | 'too-large'
  | 'too-complex'
  | 'too-slow'
  | 'no-questions'
  | 'unreadable'
  | 'invalid-name'

/** Why a bank file was refused; the message always names the file. */
export class BankFileError extends Error {
  override readonly name = 'BankFileError'

  constructor(
    readonly code: BankFileErrorCode,
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`)
  }
}
