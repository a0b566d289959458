import type { Locale } from '#db/domain'
import { en } from './en'
import { vi, type MessageKey } from './vi'

export type { MessageKey }
export const DEFAULT_LOCALE: Locale = 'vi'
const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en }

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey | (string & {}), params?: Params) => string

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key)
}

/**
 * A message with its parameters as one string, for the messages zod schemas return
 * (Conform carries errors as strings): `validation.tooLong {"max":200}`. The translator
 * reads it back; numbers stay numbers, so they are formatted in the reader's language.
 */
export function withParams(key: MessageKey, params: Params): string {
  return `${key} ${JSON.stringify(params)}`
}

function splitParams(key: string): [string, Params | undefined] {
  const space = key.indexOf(' {')
  if (space < 0 || !isMessageKey(key.slice(0, space))) return [key, undefined]
  try {
    return [key.slice(0, space), JSON.parse(key.slice(space + 1)) as Params]
  } catch {
    return [key, undefined]
  }
}

/** A translator for one locale; unknown keys come back unchanged so a bug shows, not a blank. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale]
  return (withKey, explicit) => {
    const [key, encoded] = splitParams(withKey)
    const params = explicit ?? encoded
    const template = isMessageKey(key) ? catalog[key] : key
    if (!params) return template
    return template.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? format(locale, params[name]!) : m,
    )
  }
}

function format(locale: Locale, value: string | number) {
  return typeof value === 'number' ? formatNumber(locale, value) : value
}

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' }

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2) {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits }).format(value)
}

/** VND amounts: always Vietnamese-style grouping with the đồng sign. */
export function formatVnd(locale: Locale, value: number) {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(value)
}

/** A calendar date (YYYY-MM-DD) or an instant, shown as a date in Vietnam's time zone. */
export function formatDate(locale: Locale, iso: string) {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00+07:00`) : new Date(iso)
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date)
}

export function formatDateTime(locale: Locale, iso: string) {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso))
}
