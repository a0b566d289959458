import { describe, expect, it } from 'vitest'
import { catalogDocument, ethnicTag, type CatalogSource } from '~/catalog/document'
import {
  fold,
  highlight,
  matchExpression,
  parseQuery,
  snippet,
  tokens,
  type Segment,
} from '~/catalog/fold'
import { catalogHref, effectiveSort, parseCatalogParams } from '~/catalog/params'

const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text)
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('')

describe('Vietnamese folding', () => {
  it('folds tones, vowel marks and đ/Đ, and lower-cases', () => {
    expect(fold('Dân vận khéo')).toBe('dan van kheo')
    expect(fold('Đường')).toBe('duong')
    expect(fold('đường bê tông')).toBe('duong be tong')
    expect(fold('Mông')).toBe('mong')
    expect(fold('HỘI LIÊN HIỆP PHỤ NỮ')).toBe('hoi lien hiep phu nu')
    expect(fold('Nậm Ăn')).toBe('nam an')
  })

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(fold('Dân vận khéo'.normalize('NFD'))).toBe('dan van kheo')
  })

  it('splits words as the FTS5 tokenizer does', () => {
    expect(tokens('"Dân vận khéo" — đường, 2024!')).toEqual(['dan', 'van', 'kheo', 'duong', '2024'])
  })
})

describe('query → FTS5 MATCH expression', () => {
  it('quotes every term and makes the last one a prefix', () => {
    expect(matchExpression('dan van kheo')).toBe('"dan" "van" "kheo"*')
    expect(matchExpression('Dân vận khéo')).toBe('"dan" "van" "kheo"*')
    expect(matchExpression('Đường')).toBe('"duong"*')
  })

  it('has no search for an empty or punctuation-only query', () => {
    expect(matchExpression('')).toBeNull()
    expect(matchExpression('   ')).toBeNull()
    expect(matchExpression('"*" - ( ) :')).toBeNull()
  })

  it('never lets FTS5 syntax through: quotes, operators, NEAR, *, column filters', () => {
    expect(matchExpression('a" OR "bc')).toBe('"a" "or" "bc"*')
    expect(matchExpression('NEAR(dan van, 2)')).toBe('"near" "dan" "van" "2"')
    expect(matchExpression('dan* -van ^kheo')).toBe('"dan" "van" "kheo"*')
    expect(matchExpression('title:duong AND NOT mong')).toBe('"title" "duong" "and" "not" "mong"*')
    for (const input of ['"', '""', 'x"y', 'a "b c', '*', '(((', 'a:b:c', '\\"']) {
      const expr = matchExpression(input)
      if (expr === null) continue
      // Only quoted terms separated by spaces, with at most one trailing `*`.
      expect(expr).toMatch(/^"[\p{L}\p{N}]+"(?: "[\p{L}\p{N}]+")*\*?$/u)
    }
  })

  it('does not prefix-match a one-letter last term (it would match half the index)', () => {
    expect(matchExpression('dan v')).toBe('"dan" "v"')
  })

  it('caps the length and number of terms', () => {
    const long = Array.from({ length: 40 }, (_, i) => `tu${i}`).join(' ')
    expect(parseQuery(long).terms).toHaveLength(12)
  })
})

describe('highlights on the original text', () => {
  it('marks the words a folded query matched, keeping the original diacritics', () => {
    const segments = highlight('Mô hình "Dân vận khéo" làm đường', parseQuery('dan van kheo'))
    expect(marked(segments)).toEqual(['Dân', 'vận', 'khéo'])
    expect(joined(segments)).toBe('Mô hình "Dân vận khéo" làm đường')
  })

  it('matches đ and Đ, whole words only, and the last term as a prefix', () => {
    const text = 'Đường bê tông về bản, làm đường mới; Đường Thượng'
    expect(marked(highlight(text, parseQuery('duong')))).toEqual(['Đường', 'đường', 'Đường'])
    // "be" is not a prefix term here (not last): "bê" matches, not "bền".
    expect(marked(highlight('bê tông bền vững', parseQuery('be tong')))).toEqual(['bê', 'tông'])
    expect(marked(highlight('người Mông, Mông Cổ, Mộng', parseQuery('mong')))).toEqual([
      'Mông',
      'Mông',
      'Mộng',
    ])
    expect(marked(highlight('khéo léo', parseQuery('khe')))).toEqual(['khéo'])
  })

  it('marks nothing for an empty query and returns the text whole', () => {
    expect(highlight('Dân vận', parseQuery(''))).toEqual([{ text: 'Dân vận', mark: false }])
    expect(highlight('', parseQuery('dan'))).toEqual([])
  })

  it('cuts an excerpt around the first match, on word boundaries', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Người dân làm đường bê tông. ${'Kết thúc. '.repeat(20)}`
    const segments = snippet(text, parseQuery('duong'), 120)
    expect(marked(segments)).toContain('đường')
    expect(segments[0]).toEqual({ text: '… ', mark: false })
    expect(joined(segments).length).toBeLessThan(140)
    expect(joined(snippet('ngắn', parseQuery('duong')))).toBe('ngắn')
  })
})

describe('catalog document of a model', () => {
  const source: CatalogSource = {
    id: 7,
    slug: 'dan-van-kheo',
    title: 'Dân vận khéo làm đường',
    summary: 'Tóm tắt',
    method: 'Cách làm',
    field: 'economy',
    kind: 'model',
    publishedAt: '2024-12-12T00:00:00.000Z',
    ethnicGroups: '["Mông", "Tày", ""]',
    unit: { name: 'Chi bộ thôn Nà Pài', unitType: 'party_cell' },
    unitPlaces: ['Xã Na Khê', 'Huyện Yên Minh', 'Tỉnh Hà Giang'],
    communes: [{ id: 5, name: 'Xã Na Khê', provinceId: 1 }],
    provinces: [{ id: 1, name: 'Tỉnh Hà Giang' }],
    awards: [
      { year: 2022, tierPosition: 2, tierName: 'Tiêu biểu', score: 84 },
      { year: 2024, tierPosition: 1, tierName: 'Xuất sắc', score: 91.5 },
    ],
    replicationCount: 3,
  }

  it('indexes folded text and one tag per filter value', () => {
    const doc = catalogDocument(source)
    expect(doc.search.title).toBe('dan van kheo lam duong')
    expect(doc.search.places).toContain('xa na khe')
    expect(doc.row).toMatchObject({ award_year: 2024, award_tier: 'Xuất sắc', score: 91.5 })
    expect(doc.tags.map((t) => t.tag).sort()).toEqual(
      [
        'all',
        'f:economy',
        'k:model',
        'u:party_cell',
        'p:1',
        'c:1:5',
        'y:2022',
        'y:2024',
        't:1',
        't:2',
        'e:mong',
        'e:tay',
      ].sort(),
    )
    expect(doc.tags.find((t) => t.tag === 'e:mong')?.label).toBe('Mông')
    expect(ethnicTag(' Mông ')).toBe('e:mong')
  })
})

describe('catalog URL state', () => {
  it('keeps valid filters and drops wrong ones instead of failing', () => {
    const p = parseCatalogParams(
      new URLSearchParams('q=dan&field=economy&kind=nope&year=20x&page=-3&ethnic=mong&province=4'),
    )
    expect(p).toMatchObject({ q: 'dan', field: 'economy', ethnic: 'mong', province: 4, page: 1 })
    expect(p.kind).toBeUndefined()
    expect(p.year).toBeUndefined()
  })

  it('sorts by relevance only with a query, newest by default', () => {
    expect(effectiveSort({ q: '', sort: undefined }, false)).toBe('newest')
    expect(effectiveSort({ q: 'x', sort: undefined }, true)).toBe('relevance')
    expect(effectiveSort({ q: '', sort: 'relevance' }, false)).toBe('newest')
    expect(effectiveSort({ q: '', sort: 'replicated' }, false)).toBe('replicated')
  })

  it('builds page links that keep the filters', () => {
    expect(catalogHref({ q: 'dan van', field: 'economy', page: 2 }, { page: 3 })).toBe(
      '/models?q=dan+van&field=economy&page=3',
    )
    expect(catalogHref({ q: '', page: 2 }, { page: 1 })).toBe('/models')
  })
})
