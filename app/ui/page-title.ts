import type { MetaDescriptor } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import type { Locale } from '#db/domain'
import { translator, type Translate } from '~/i18n'

type TitleArgs = { matches: { id: string; data?: unknown }[]; error?: unknown }
type Part = string | null | undefined | false

/**
 * A page's <title>: what the page is, then what it shows (a contest, a model, a user), then
 * the site's name — "Phiếu chấm — Bể nước sạch… — Bình xét… năm 2025 — Dân vận khéo". A page
 * that failed is titled by its error, so a 404 never wears the title of what was not found.
 */
export function pageTitle(args: TitleArgs, parts: (t: Translate) => Part[]): MetaDescriptor[] {
  const root = args.matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const t = translator(root?.locale ?? 'vi')
  const shown = args.error ? [errorTitle(t, args.error)] : parts(t)
  return [{ title: titleText(t, shown) }]
}

export function titleText(t: Translate, parts: Part[]) {
  return [...parts.filter((p): p is string => !!p && p.trim() !== ''), t('app.name')].join(' — ')
}

function errorTitle(t: Translate, error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (status === 404) return t('error.404.title')
  if (status === 403) return t('error.403.title')
  return status >= 500 ? t('error.500.title') : t('error.title')
}
