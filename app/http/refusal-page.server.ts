import type { Request as ExpressRequest } from 'express'
import { translator, type MessageKey } from '~/i18n'
import { localeCookie, isLocale } from '~/i18n/locale.server'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A small, self-contained error page in the visitor's language (their language cookie, else
 * Vietnamese), for refusals the HTTP server gives before a request reaches Remix. It carries
 * no script and no inline style, so it passes the strictest Content-Security-Policy.
 */
export async function refusalPage(
  req: ExpressRequest,
  status: number,
  keys: { title: MessageKey; body: MessageKey },
) {
  const value: unknown = await localeCookie.parse(req.headers.cookie ?? null).catch(() => null)
  const locale = isLocale(value) ? value : 'vi'
  const t = translator(locale)
  const [name, title, body, back] = [
    t('app.name'),
    t(keys.title),
    t(keys.body),
    t('error.backHome'),
  ].map(escape)
  return `<!DOCTYPE html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${name}</title></head>
<body>
<main>
<p>${status}</p>
<h1>${title}</h1>
<p>${body}</p>
<p><a href="/">${back}</a></p>
</main>
</body>
</html>
`
}
