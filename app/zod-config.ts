import { z } from 'zod'

/**
 * Zod compiles object parsers with `new Function` when it may; the Content-Security-Policy
 * forbids eval, and even Zod's probe for it is reported as a violation. Imported first by the
 * root module, so it holds in the browser and on the server before any schema parses.
 */
z.config({ jitless: true })
