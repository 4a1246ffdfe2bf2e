/**
 * What a filter or order_by parser returns. Errors carry the message the MLflow server would send and
 * where in the input it applies, so a search box can underline the bad part.
 */

/**
 * The server's `error_code` for this rejection. Almost always INVALID_PARAMETER_VALUE (HTTP 400);
 * a few inputs fail deeper in the server: BAD_REQUEST (400) when SQLite refuses a value, and
 * INTERNAL_ERROR (500) where MLflow lets a Python exception escape.
 */
export type FilterErrorCode = 'INVALID_PARAMETER_VALUE' | 'BAD_REQUEST' | 'INTERNAL_ERROR'

export interface FilterError {
  readonly message: string
  /** UTF-16 offsets into the parsed text: `text.slice(start, end)` is the offending part. */
  readonly start: number
  readonly end: number
  readonly errorCode: FilterErrorCode
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FilterError }

export function parseError(
  message: string,
  span: { readonly start: number; readonly end: number },
  errorCode: FilterErrorCode = 'INVALID_PARAMETER_VALUE',
): { readonly ok: false; readonly error: FilterError } {
  return { ok: false, error: { message, start: span.start, end: span.end, errorCode } }
}
