import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TEXT_WITHOUT_MAX, draftFields } from '~/entries/draft-fields'
import { entryFormSchema, MAX_INDICATORS } from '~/entries/schema'
import { MAX_LENGTH } from '~/forms/limits'

describe('what a draft keeps', () => {
  it('keeps a payload within the limits exactly as it came', () => {
    const payload = {
      title: 'Dân hiến đất làm đường',
      kind: 'model',
      field: 'economy',
      commune_ids: ['3', '4'],
      summary: '',
      method: 'Họp dân\r\nvận động',
      resources_vnd: '1.200.000',
      start_date: '2025-01-01',
      period_start: '2025-01-01',
      indicators: [{ label: 'Số hộ', value: '12', unit: 'hộ', baseline: '', period: '' }],
    }
    expect(draftFields(payload, entryFormSchema)).toEqual(payload)
    // One ticked checkbox comes as one value and stays one.
    expect(draftFields({ commune_ids: '3' }, entryFormSchema)).toEqual({ commune_ids: '3' })
  })

  it('drops unknown fields, at the top and inside indicator rows', () => {
    expect(
      draftFields(
        { junk: 'x'.repeat(100_000), title: 'Tên', indicators: [{ label: 'a', evil: 'b' }] },
        entryFormSchema,
      ),
    ).toEqual({ title: 'Tên', indicators: [{ label: 'a' }] })
  })

  it('cuts text at twice the field’s maximum, other values at a fixed bound', () => {
    const kept = draftFields(
      { title: 't'.repeat(10_000), method: 'm'.repeat(50_000), resources_vnd: '9'.repeat(10_000) },
      entryFormSchema,
    ) as Record<string, string>
    expect(kept.title).toHaveLength(2 * MAX_LENGTH.title)
    expect(kept.method).toHaveLength(2 * MAX_LENGTH.long)
    expect(kept.resources_vnd).toHaveLength(TEXT_WITHOUT_MAX)
  })

  it('cuts lists at the schema’s maximum and drops what is not text', () => {
    const kept = draftFields(
      {
        commune_ids: Array.from({ length: 500 }, (_, i) => String(i)),
        indicators: Array.from({ length: 500 }, () => ({ label: 'x' })),
        title: { nested: 'object' },
        summary: ['a', 'b'],
        kind: new Blob(['x']),
      },
      entryFormSchema,
    ) as Record<string, unknown[]>
    expect(kept.commune_ids).toHaveLength(20)
    expect(kept.indicators).toHaveLength(MAX_INDICATORS)
    expect(kept).not.toHaveProperty('title')
    expect(kept).not.toHaveProperty('summary')
    expect(kept).not.toHaveProperty('kind')
  })

  it('follows any object schema, through optional, default and pipe', () => {
    const schema = z.object({
      a: z.string().max(3).optional(),
      b: z.string().max(2).default('x'),
      c: z.string().pipe(z.string()),
      list: z.array(z.object({ x: z.string().max(1) })).max(2),
    })
    expect(
      draftFields(
        { a: 'abcdefg', b: 'abcdefg', c: 'c'.repeat(500), list: [{ x: 'yyy' }, {}, { x: '1' }] },
        schema,
      ),
    ).toEqual({ a: 'abcdef', b: 'abcd', c: 'c'.repeat(TEXT_WITHOUT_MAX), list: [{ x: 'yy' }, {}] })
  })
})
