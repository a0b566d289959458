import { createCookie } from '@remix-run/node'
import { LOCALES, type Locale } from '#db/domain'
import { DEFAULT_LOCALE, translator } from './index'

export const localeCookie = createCookie('dvk_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The visitor's language: the cookie they chose, else Vietnamese. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  return isLocale(value) ? value : DEFAULT_LOCALE
}

export async function getTranslator(request: Request) {
  return translator(await getLocale(request))
}
