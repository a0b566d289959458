import { decode } from 'turbo-stream'
import { describe, expect, it } from 'vitest'
import { tooLargeReply } from '~/http/body-limit.server'
import { isMessageKey } from '~/i18n'

describe('the 413 answer', () => {
  it('is a page in the visitor’s language, with the limit and a way back', async () => {
    const vi = await tooLargeReply({
      path: '/login',
      accept: 'text/html',
      locale: 'vi',
      limit: 65536,
    })
    expect(vi.contentType).toBe('text/html; charset=utf-8')
    expect(vi.body).toContain('<html lang="vi">')
    expect(vi.body).toContain('Dữ liệu gửi lên quá lớn')
    expect(vi.body).toContain('64 KB')
    expect(vi.body).toContain('href="/"')
    const en = await tooLargeReply({
      path: '/unit/entries/1',
      accept: 'text/html',
      locale: 'en',
      limit: 1.5 * 1024 * 1024,
      back: '/unit/entries/1?x="<b>"',
    })
    expect(en.body).toContain('<html lang="en">')
    expect(en.body).toContain('Too much data sent')
    expect(en.body).toContain('1.5 MB')
    expect(en.body).toContain('href="/unit/entries/1?x=&#34;&#60;b&#62;&#34;"')
    expect(en.body).not.toContain('<b>')
  })

  it('is JSON for the uploader and a turbo-stream error response for Remix fetch submissions', async () => {
    const json = await tooLargeReply({
      path: '/unit/entries/1/media',
      accept: 'application/json',
      locale: 'vi',
      limit: 10,
    })
    expect(JSON.parse(String(json.body))).toEqual({ error: 'requestTooLarge', max: 10 })
    const data = await tooLargeReply({
      path: '/login.data',
      accept: '*/*',
      locale: 'vi',
      limit: 10,
    })
    expect(data.contentType).toBe('text/x-script')
    const decoded = await decode(new Response(data.body).body!, {
      plugins: [
        (type: string, ...rest: unknown[]) =>
          type === 'ErrorResponse'
            ? { value: { data: rest[0], status: rest[1], statusText: rest[2] } }
            : false,
      ],
    })
    expect(decoded.value).toEqual({
      error: {
        data: { message: 'http.tooLarge.short' },
        status: 413,
        statusText: 'Payload Too Large',
      },
    })
    expect(isMessageKey('http.tooLarge.short')).toBe(true)
  })
})
