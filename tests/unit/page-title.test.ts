import { describe, expect, it } from 'vitest'
import { translator } from '~/i18n'
import { pageTitle, titleText } from '~/ui/page-title'

const root = (locale: 'vi' | 'en') => [{ id: 'root', data: { locale } }]
const notFound = { status: 404, statusText: 'Not Found', internal: false, data: null }

describe('page titles', () => {
  it('name the page, then what it shows, then the site', () => {
    const title = pageTitle({ matches: root('vi') }, (t) => [
      t('judge.sheetTitle'),
      'Bể nước sạch cho điểm trường',
      'Bình xét mô hình Dân vận khéo năm 2025',
    ])
    expect(title).toEqual([
      {
        title:
          'Phiếu chấm — Bể nước sạch cho điểm trường — Bình xét mô hình Dân vận khéo năm 2025 — Dân vận khéo',
      },
    ])
  })

  it('follow the visitor’s language and leave out missing parts', () => {
    const [meta] = pageTitle({ matches: root('en') }, (t) => [t('judge.title'), null, '', ' '])
    expect(meta).toEqual({ title: `${translator('en')('judge.title')} — Dân vận khéo` })
    expect(titleText(translator('vi'), [undefined, false])).toBe('Dân vận khéo')
  })

  it('name the error on a page that failed, not what was not found', () => {
    const [meta] = pageTitle({ matches: root('vi'), error: notFound }, () => ['Một hồ sơ'])
    expect(meta).toEqual({ title: 'Không tìm thấy trang — Dân vận khéo' })
    const [crash] = pageTitle({ matches: root('vi'), error: new Error('x') }, () => ['Một hồ sơ'])
    expect((crash as { title: string }).title).not.toContain('Một hồ sơ')
  })
})
