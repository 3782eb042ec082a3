// The one base of every error a service raises: a `code` programs switch on and a message a person can
// act on. Each service declares its codes and its name (a field, so minified bundles keep it).

export class CodedError<Code extends string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
