import { AppError } from '@shared/api/result'

export type ModelErrorCode =
  | 'MODEL_MISSING'
  | 'MODEL_INVALID'
  | 'MODEL_UNVERIFIED'
  | 'DOWNLOAD_FAILED'
  | 'CHECKSUM_MISMATCH'
  | 'CANCELLED'

export class ModelError extends AppError {
  declare readonly code: ModelErrorCode

  constructor(code: ModelErrorCode, message: string) {
    super(code, message)
    this.name = 'ModelError'
  }
}
