import type { viHttp } from './http.vi'

export const enHttp: Record<keyof typeof viHttp, string> = {
  'http.tooLarge.title': 'Too much data sent',
  'http.tooLarge.body':
    'What was sent is larger than this page accepts ({max}), so it was not received. What you typed is still on the previous page: go back, shorten it (or send fewer files at a time) and send it again.',
  'http.tooLarge.short':
    'What was sent is too large, so it was not received. Shorten it (or send fewer files at a time) and send it again.',
  'http.tooLarge.back': 'Back to the previous page',
  'http.badRequest.title': 'Invalid request',
  'http.badRequest.body':
    'What was sent is not in the expected format, so it was not received. Go back and send it again.',
}
