import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'

/**
 * Local-disk storage: files live under UPLOAD_DIR (default data/uploads) and are
 * named by generated keys only, never by anything a user typed.
 */
export function uploadDir() {
  return resolve(process.env.UPLOAD_DIR ?? 'data/uploads')
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]*\.[a-z0-9]+$/

function pathFor(key: string) {
  if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`)
  const root = uploadDir()
  const full = resolve(join(root, key))
  if (!full.startsWith(root + sep)) throw new Error(`Invalid storage key: ${key}`)
  return full
}

export async function putLocalFile(key: string, data: Uint8Array) {
  const path = pathFor(key)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, data)
}

export async function readLocalFile(key: string) {
  return readFile(pathFor(key))
}

export async function localFileSize(key: string) {
  return (await stat(pathFor(key))).size
}

export async function deleteLocalFile(key: string) {
  await rm(pathFor(key), { force: true })
}
