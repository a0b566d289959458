import { describe, expect, it } from 'vitest'
import {
  FORM_BODY_BYTES,
  SMALL_BODY_BYTES,
  UPLOAD_BODY_BYTES,
  bodyLimitFor,
  formatLimit,
  routePath,
} from '~/http/body-limits'
import { MAX_REQUEST_BYTES } from '~/media/rules'

describe('the route → body limit table', () => {
  it.each([
    ['/login', SMALL_BODY_BYTES],
    ['/login.data', SMALL_BODY_BYTES],
    ['/LOGIN', SMALL_BODY_BYTES],
    ['/login/', SMALL_BODY_BYTES],
    ['/logout', SMALL_BODY_BYTES],
    ['/logout.data', SMALL_BODY_BYTES],
    ['/language', SMALL_BODY_BYTES],
    ['/%6Cogin', SMALL_BODY_BYTES],
    ['/unit/entries/12/media', UPLOAD_BODY_BYTES],
    ['/unit/entries/12/media.data', UPLOAD_BODY_BYTES],
    ['/unit/entries/12', FORM_BODY_BYTES],
    ['/unit/entries/12.data', FORM_BODY_BYTES],
    ['/unit/models/3/nominate', FORM_BODY_BYTES],
    ['/admin/contests/new', FORM_BODY_BYTES],
    ['/api/uploadthing', FORM_BODY_BYTES],
    ['/', FORM_BODY_BYTES],
    ['/_root.data', FORM_BODY_BYTES],
    // Spellings the table does not know never get more than a plain form.
    ['/unit/entries/12/media/extra', FORM_BODY_BYTES],
    ['/x/unit/entries/12/media', FORM_BODY_BYTES],
    ['/%E0%A4%A', FORM_BODY_BYTES],
  ])('%s → %i bytes', (path, bytes) => {
    expect(bodyLimitFor(path)).toBe(bytes)
  })

  it('gives uploads the media rules’ whole-request limit and keeps the others small', () => {
    expect(UPLOAD_BODY_BYTES).toBe(MAX_REQUEST_BYTES)
    expect(SMALL_BODY_BYTES).toBe(64 * 1024)
    expect(FORM_BODY_BYTES).toBe(1024 * 1024)
  })

  it('reads the route of single-fetch and trailing-slash paths', () => {
    expect(routePath('/models.data')).toBe('/models')
    expect(routePath('/_root.data')).toBe('/')
    expect(routePath('/admin/')).toBe('/admin')
    expect(routePath('/')).toBe('/')
  })

  it('says a limit as people read it', () => {
    expect(formatLimit(SMALL_BODY_BYTES)).toBe('64 KB')
    expect(formatLimit(FORM_BODY_BYTES)).toBe('1 MB')
    expect(formatLimit(MAX_REQUEST_BYTES)).toBe('201 MB')
    expect(formatLimit(1.5 * 1024 * 1024)).toBe('1,5 MB')
    expect(formatLimit(1.5 * 1024 * 1024, '.')).toBe('1.5 MB')
  })
})
