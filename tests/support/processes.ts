import { spawn, type ChildProcess } from 'node:child_process'

export interface Child {
  process: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  stderr: () => string
  /** Resolves when the predicate holds for the lines (checked on every new line). */
  waitFor: (predicate: (lines: string[]) => boolean, timeoutMs?: number) => Promise<void>
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  exited: Promise<number | string>
}

/**
 * Runs a TypeScript script in its own Node process (tsx as a loader, so signals such as
 * SIGKILL reach the script itself, not a wrapper), with extra environment variables.
 */
export function spawnTsx(script: string, env: Record<string, string>, args: string[] = []): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let partial = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    for (const w of waiters) w()
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      if (partial) lines.push(partial)
      for (const w of waiters) w()
      resolve(code ?? signal ?? 'unknown')
    }),
  )
  const waitFor = (predicate: (lines: string[]) => boolean, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`timed out; stdout: ${lines.slice(-5).join(' | ')}; stderr: ${err}`))
      }, timeoutMs)
      const check = () => {
        if (!predicate(lines)) {
          if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer)
            waiters.delete(check)
            reject(
              new Error(`exited early; stdout: ${lines.slice(-5).join(' | ')}; stderr: ${err}`),
            )
          }
          return
        }
        clearTimeout(timer)
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  return { process: child, lines, stderr: () => err, waitFor, exited }
}

/** The `ack <id> <key>` lines of an ops writer, parsed. */
export function acks(lines: string[]) {
  return lines
    .filter((l) => l.startsWith('ack '))
    .map((l) => {
      const [, id, key] = l.split(' ')
      return { id: Number(id), key: key! }
    })
}
