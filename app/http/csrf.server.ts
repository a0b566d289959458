import type { RequestHandler } from 'express'
import { checkCsrf } from './csrf'
import { refusalPage } from './refusal-page.server'

/**
 * The HTTP server's CSRF check (rules in ./csrf.ts), before any route runs: a refused request
 * changes nothing and gets a 403 page in the visitor's language.
 */
export function csrfProtection(publicOrigin: string): RequestHandler {
  return (req, res, next) => {
    const verdict = checkCsrf(
      {
        method: req.method,
        secFetchSite: req.get('sec-fetch-site'),
        origin: req.get('origin'),
        referer: req.get('referer'),
      },
      [publicOrigin, `${req.protocol}://${req.get('host') ?? ''}`],
    )
    if (verdict.allowed) return next()
    console.warn(`${req.method} ${req.path}: refused as cross-site (${verdict.reason})`)
    // The body is never read: the client may stop sending it.
    res.setHeader('Connection', 'close')
    refusalPage(req, 403, { title: 'error.csrf.title', body: 'error.csrf.body' })
      .then((html) =>
        res.status(403).type('html').setHeader('Cache-Control', 'no-store').send(html),
      )
      .catch(next)
  }
}
