import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDate, formatNumber, formatVnd, isMessageKey, translator } from '~/i18n'
import { en } from '~/i18n/en'
import { vi } from '~/i18n/vi'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('translations', () => {
  it('has an English string for every Vietnamese one, and no extra', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
    for (const [key, value] of Object.entries(en)) expect(value, key).not.toBe('')
  })

  it('uses the same parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(params(en[key]), key).toEqual(params(vi[key]))
    }
  })

  it('defines every literal key the app asks for', () => {
    const missing: string[] = []
    for (const file of sourceFiles('app')) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!isMessageKey(m[1]!)) missing.push(`${file}: ${m[1]}`)
      }
      for (const m of text.matchAll(/'((?:validation|users|account|login)\.[a-zA-Z0-9_.]+)'/g)) {
        if (!isMessageKey(m[1]!)) missing.push(`${file}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('fills parameters and formats numbers the Vietnamese way', () => {
    const t = translator('vi')
    expect(t('judge.progress', { done: 3, total: 10 })).toBe('Đã nộp 3/10 phiếu chấm')
    expect(formatNumber('vi', 1234.5)).toBe('1.234,5')
    expect(formatNumber('en', 1234.5)).toBe('1,234.5')
    expect(formatVnd('vi', 450_000_000).replace(/\s/g, ' ')).toBe('450.000.000 ₫')
    expect(formatDate('vi', '2025-10-31')).toBe('31/10/2025')
    expect(formatDate('vi', '2025-10-31T17:30:00Z')).toBe('01/11/2025')
  })
})
