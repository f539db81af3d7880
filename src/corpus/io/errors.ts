/**
 * Bad input, as opposed to a bug: reported as one line naming where it is, never with a stack trace.
 * `where` is `file`, `file:line` or `file:line:column` as editors and grep print it.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

export function where(source: string, line?: number, column?: number): string {
  return [source, line, column].filter((part) => part !== undefined).join(':');
}
