import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { cleanFileName, cleanFormData, cleanText } from '~/forms/clean'
import { contestFormSchema } from '~/contests/schema'
import { modelFormSchema } from '~/entries/schema'
import { MAX_LENGTH } from '~/forms/limits'
import { getZodConstraint, parseWithZod } from '~/forms/parse'
import { overrideSchema } from '~/results/schema'
import { editUserSchema } from '~/users/schemas'

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** Every character the door removes, one by one. */
const REMOVED = [
  ...range(0x00, 0x08),
  0x0b,
  0x0c,
  ...range(0x0e, 0x1f),
  ...range(0x7f, 0x9f),
  0xad,
  0x061c,
  0x180e,
  0x200b,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x206f),
  0xfeff,
  ...range(0xfff9, 0xfffb),
  0xe0000,
  ...range(0xe0001, 0xe007f),
]

describe('cleanText', () => {
  it.each(REMOVED.map((cp) => [hex(cp), cp]))('removes %s', (_, cp) => {
    const ch = String.fromCodePoint(cp)
    expect(cleanText(`Tảo${ch} hôn${ch}`)).toBe('Tảo hôn')
    expect(cleanFileName(`anh${ch}.jpg`)).toBe('anh.jpg')
  })

  it('keeps tab and line breaks in text, and ZWNJ/ZWJ (emoji, Khmer)', () => {
    expect(cleanText('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd')
    expect(cleanText('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧')
    expect(cleanText('a\u200Cb')).toBe('a\u200Cb')
  })

  it('turns line and paragraph separators into line feeds', () => {
    expect(cleanText('a\u2028b\u2029c')).toBe('a\nb\nc')
  })

  it('normalises to NFC, also when a removed control sat between letter and mark', () => {
    const decomposed = 'tảo hôn'.normalize('NFD')
    expect(cleanText(decomposed)).toBe('tảo hôn')
    expect(cleanText('ta\u202E\u0309o')).toBe('tảo')
  })

  it('leaves ordinary Vietnamese, punctuation and emoji alone', () => {
    const s = 'Mô hình “Dân vận khéo” — 100% hộ thoát nghèo! 🎉 (2025)'
    expect(cleanText(s)).toBe(s)
  })
})

describe('cleanFileName', () => {
  it('makes a reversed extension harmless and keeps no path or line break', () => {
    expect(cleanFileName('anh\u202Egpj.exe')).toBe('anhgpj.exe')
    expect(cleanFileName('C:\\Ảnh\\nhà\r\nvăn hóa.JPG')).toBe('nhà văn hóa.JPG')
  })
})

describe('the form door', () => {
  it('cleans every text value and every file name of a form', () => {
    const form = new FormData()
    form.append('title', 'Tảo\u202E hôn')
    form.append('tags', 'a\u200Bb')
    form.append('tags', 'c')
    form.append('photo', new File(['x'], 'anh\u202Egpj.exe', { type: 'image/jpeg' }))
    const clean = cleanFormData(form)
    expect(clean.get('title')).toBe('Tảo hôn')
    expect(clean.getAll('tags')).toEqual(['ab', 'c'])
    const file = clean.get('photo') as File
    expect(file.name).toBe('anhgpj.exe')
    expect(file.type).toBe('image/jpeg')
    expect(file.size).toBe(1)
  })

  it('cleans URLSearchParams too', () => {
    expect(cleanFormData(new URLSearchParams('q=a%E2%80%AEb')).get('q')).toBe('ab')
  })

  it('validates the cleaned text: a title of invisible characters only is empty', () => {
    const schema = z.object({ title: z.string({ error: 'required' }).min(1, 'required') })
    const form = new FormData()
    form.append('title', '\u202E\u200B\uFEFF')
    const submission = parseWithZod(form, { schema })
    expect(submission.status).toBe('error')
    expect(submission.status === 'error' && submission.error?.title).toEqual(['required'])
    form.set('title', 'Mô\u202E hình')
    const ok = parseWithZod(form, { schema })
    expect(ok.status === 'success' && ok.value.title).toBe('Mô hình')
  })
})

describe('maximum lengths reach the inputs', () => {
  it('as maxLength in the constraint Conform spreads on each input, from the one table', () => {
    const model = getZodConstraint(modelFormSchema)
    expect(model.title?.maxLength).toBe(MAX_LENGTH.title)
    expect(model.context?.maxLength).toBe(MAX_LENGTH.long)
    expect(model.summary?.maxLength).toBe(MAX_LENGTH.summary)
    expect(model['indicators[].label']?.maxLength).toBe(MAX_LENGTH.name)
    const contest = getZodConstraint(contestFormSchema)
    expect(contest.title?.maxLength).toBe(MAX_LENGTH.title)
    expect(contest['criteria[].title']?.maxLength).toBe(MAX_LENGTH.title)
    expect(contest['tiers[].name']?.maxLength).toBe(MAX_LENGTH.name)
    expect(getZodConstraint(overrideSchema).reason?.maxLength).toBe(MAX_LENGTH.reason)
    expect(getZodConstraint(editUserSchema).displayName?.maxLength).toBe(MAX_LENGTH.name)
    // Only the maximum: a native minLength or pattern would speak the browser's language.
    expect(model.title?.minLength).toBeUndefined()
  })
})
