import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import type { Locale } from '#db/domain'
import { DEFAULT_LOCALE, translator } from './index'

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: Locale }>('root')
  return data?.locale ?? DEFAULT_LOCALE
}

export function useT() {
  const locale = useLocale()
  return useMemo(() => translator(locale), [locale])
}
