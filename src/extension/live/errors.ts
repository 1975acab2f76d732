/**
 * Why a live value could not be read, in words for the user: a session that is running, a language
 * no conversion is written for, an expression that raised (with the debuggee's own error text), a
 * value that is not numbers, one over the size bound. Never a stack trace.
 */
export class LiveValueError extends Error {
  override readonly name = 'LiveValueError';
}

/** The user cancelled a long read: nothing to say. */
export class LiveCancelled extends Error {
  override readonly name = 'LiveCancelled';
  constructor() {
    super('cancelled');
  }
}
