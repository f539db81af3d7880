/**
 * Checks of what callers pass to the public functions. TypeScript cannot check JavaScript callers or
 * data parsed at run time, and `fixText(null)` failing deep inside a fixer with "Cannot read
 * properties of null" names neither the argument nor what was expected.
 */

/** `null`, `number (123)`, `an array`, `undefined`: what a wrong value is, briefly. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} (${String(value)})`;
    case 'object':
      return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
    default:
      return typeof value;
  }
}

function wrong(fn: string, name: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${fn}: ${name} must be ${expected}, got ${describe(value)}`);
}

export function expectString(value: unknown, fn: string, name: string): asserts value is string {
  if (typeof value !== 'string') throw wrong(fn, name, 'a string', value);
}

export function expectBytesOrString(value: unknown, fn: string, name: string): asserts value is string | Uint8Array {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) throw wrong(fn, name, 'a string or a Uint8Array (Buffer)', value);
}

export function expectBytes(value: unknown, fn: string, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw wrong(fn, name, 'a Uint8Array (Buffer)', value);
}

/** An options object, which may be left out (`undefined`). */
export function expectOptions(value: unknown, fn: string, name = 'options'): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrong(fn, name, 'an object or undefined', value);
}

export function expectArray(value: unknown, fn: string, name: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw wrong(fn, name, 'an array', value);
}

/** An object with a string field, e.g. an article's `text`. */
export function expectObjectWithString(value: unknown, fn: string, name: string, field: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw wrong(fn, name, `an object with a string "${field}"`, value);
  const v = (value as Record<string, unknown>)[field];
  if (typeof v !== 'string') throw wrong(fn, `${name}.${field}`, 'a string', v);
}
