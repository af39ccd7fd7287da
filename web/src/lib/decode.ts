// Runtime checks at the API boundary: a response either has the one shape the server sends
// (docs/http-api.md) or is rejected with a ShapeError naming the first field that is wrong.
// No guessing between shapes, no silent defaults.

export class ShapeError extends Error {
  readonly path: string

  constructor(path: string, expected: string, got: unknown) {
    super(`Unexpected response from the server: ${path} should be ${expected}, got ${describe(got)}.`)
    this.name = 'ShapeError'
    this.path = path
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
  return typeof v === 'object' ? 'an object' : String(v)
}

export type Obj = Record<string, unknown>

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(path, 'an object', v)
  return v as Obj
}

export function arr<T>(v: unknown, path: string, item: (x: unknown, path: string) => T): T[] {
  if (!Array.isArray(v)) throw new ShapeError(path, 'an array', v)
  return v.map((x, i) => item(x, `${path}[${i}]`))
}

export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new ShapeError(path, 'a string', v)
  return v
}

export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(path, 'a number', v)
  return v
}

export function int(v: unknown, path: string): number {
  if (!Number.isInteger(v)) throw new ShapeError(path, 'an integer', v)
  return v as number
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ShapeError(path, 'a boolean', v)
  return v
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) throw new ShapeError(path, `one of ${values.join(', ')}`, v)
  return v as T
}

export function matching(v: unknown, path: string, pattern: RegExp, what: string): string {
  if (typeof v !== 'string' || !pattern.test(v)) throw new ShapeError(path, what, v)
  return v
}

/** `null` is allowed (the member must still be present: the server always writes it). */
export function nullable<T>(check: (v: unknown, path: string) => T): (v: unknown, path: string) => T | null {
  return (v, path) => {
    if (v === undefined) throw new ShapeError(path, 'present (null or a value)', v)
    return v === null ? null : check(v, path)
  }
}

/** The server's one timestamp format: ISO-8601 UTC with milliseconds, e.g. 2026-11-29T01:02:03.456Z. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

export const timestamp = (v: unknown, path: string): string => matching(v, path, TIMESTAMP, 'a UTC timestamp (YYYY-MM-DDTHH:mm:ss.fffZ)')
