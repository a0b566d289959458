/**
 * The server's clock. Phase and deadline rules read time only through `now()`,
 * so tests can move it with `setClock`.
 */
let fixed: Date | null = null

export function now(): Date {
  return fixed ? new Date(fixed) : new Date()
}

/** Tests only: freeze the clock at `date`, or pass null to follow real time again. */
export function setClock(date: Date | null) {
  fixed = date ? new Date(date) : null
}
