import { fold } from './fold'

/**
 * What the catalog knows about one published model, gathered from the model, its unit,
 * communes, awards (of published contests) and replications; and the index rows made of
 * it. Pure: the same function feeds the one-model reindex and the bulk rebuild.
 */
export interface CatalogSource {
  id: number
  slug: string
  title: string
  summary: string
  method: string
  field: string
  kind: string
  publishedAt: string
  /** JSON array of names, as stored on the model. */
  ethnicGroups: string
  unit: { name: string; unitType: string | null }
  /** Names of the unit's ancestors (commune, district, province) that are searched as places. */
  unitPlaces: string[]
  /** The model's communes (else its unit's commune), with their province. */
  communes: { id: number; name: string; provinceId: number | null }[]
  provinces: { id: number; name: string }[]
  awards: { year: number; tierPosition: number; tierName: string; score: number | null }[]
  replicationCount: number
}

export interface CatalogDocument {
  /** Folded text of the four FTS5 columns. */
  search: { title: string; summary: string; method: string; places: string; tags: string }
  row: {
    model_id: number
    slug: string
    title: string
    unit_name: string
    places: string
    field: string
    kind: string
    published_at: string
    replication_count: number
    award_year: number | null
    award_tier: string | null
    score: number | null
  }
  tags: { tag: string; label: string }[]
}

/** The ethnic groups of a model (JSON array of names); anything else reads as none. */
export function ethnicGroupsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
      : []
  } catch {
    return []
  }
}

/** The filter tag of an ethnic group: its folded name ("Mông" → "e:mong"). */
export function ethnicTag(name: string) {
  return `e:${fold(name).replace(/\s+/g, ' ').trim()}`
}

/** A commune's tag carries its province, so one province's communes are one range of tags. */
export function communeTag(provinceId: number | null, communeId: number) {
  return `c:${provinceId ?? 0}:${communeId}`
}

/**
 * A tag as one full-text token (letters and digits only: "tag" + the tag's UTF-8 in hex), so
 * filters can be intersected inside the full-text index with a search ({tags} column). Typed
 * queries never reach that column (they are limited to the four text columns).
 */
export function tagToken(tag: string) {
  const hex = Array.from(new TextEncoder().encode(tag), (b) => b.toString(16).padStart(2, '0'))
  return `tag${hex.join('')}`
}

export function catalogDocument(s: CatalogSource): CatalogDocument {
  const ethnic = ethnicGroupsOf(s.ethnicGroups)
  // Latest award first; the best tier on ties of year.
  const awards = [...s.awards].sort((a, b) => b.year - a.year || a.tierPosition - b.tierPosition)
  const latest = awards[0]
  const scores = s.awards.map((a) => a.score).filter((x): x is number => x != null)
  const placeNames = [...new Set([...s.communes.map((c) => c.name), ...s.unitPlaces])]
  const tags = new Map<string, string>([
    ['all', ''],
    [`f:${s.field}`, ''],
    [`k:${s.kind}`, ''],
  ])
  if (s.unit.unitType) tags.set(`u:${s.unit.unitType}`, '')
  for (const p of s.provinces) tags.set(`p:${p.id}`, p.name)
  for (const c of s.communes) tags.set(communeTag(c.provinceId, c.id), c.name)
  for (const a of s.awards) {
    tags.set(`y:${a.year}`, String(a.year))
    if (!tags.has(`t:${a.tierPosition}`)) tags.set(`t:${a.tierPosition}`, a.tierName)
  }
  for (const e of ethnic) {
    const tag = ethnicTag(e)
    if (tag !== 'e:' && !tags.has(tag)) tags.set(tag, e)
  }
  return {
    search: {
      title: fold(s.title),
      summary: fold(s.summary),
      method: fold(s.method),
      places: fold([s.unit.name, ...placeNames].join(' ')),
      tags: [...tags.keys()]
        .filter((t) => t !== 'all')
        .map(tagToken)
        .join(' '),
    },
    row: {
      model_id: s.id,
      slug: s.slug,
      title: s.title,
      unit_name: s.unit.name,
      places: [s.communes.map((c) => c.name).join(', '), ...s.provinces.map((p) => p.name)]
        .filter(Boolean)
        .join(' — '),
      field: s.field,
      kind: s.kind,
      published_at: s.publishedAt,
      replication_count: s.replicationCount,
      award_year: latest?.year ?? null,
      award_tier: latest?.tierName ?? null,
      score: scores.length ? Math.max(...scores) : null,
    },
    tags: [...tags].map(([tag, label]) => ({ tag, label })),
  }
}
