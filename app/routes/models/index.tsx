import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { searchCatalog, type CatalogResult, type FacetOption } from '~/catalog/catalog.server'
import type { Segment } from '~/catalog/fold'
import { catalogHref, parseCatalogParams, SORTS, type CatalogParams } from '~/catalog/params'
import { translator, type MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { inputClass, labelClass, buttonClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'

/**
 * GET /models — the public catalog of published models (no sign-in). Server-rendered GET
 * form, every choice in the URL; works without JavaScript.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseCatalogParams(new URL(request.url).searchParams)
  const page = await searchCatalog(params)
  return { params, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'vi' | 'en' } | undefined
  const t = translator(root?.locale ?? 'vi')
  return [
    ...pageTitle({ matches }, () => [t('catalog.title')]),
    { name: 'description', content: t('catalog.intro') },
  ]
}

export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-gold-400/60 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  )
}

type FilterName =
  'field' | 'kind' | 'province' | 'commune' | 'unit_type' | 'year' | 'tier' | 'ethnic'

function FilterSelect({
  name,
  label,
  all,
  options,
  value,
  optionLabel,
}: {
  name: FilterName
  label: MessageKey
  all: MessageKey
  options: FacetOption[]
  value: string | number | undefined
  optionLabel?: (o: FacetOption) => string
}) {
  const t = useT()
  const id = `filter-${name}`
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {t(label)}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{t(all)}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t('catalog.optionCount', {
              label: optionLabel ? optionLabel(o) : o.label,
              count: o.count,
            })}
          </option>
        ))}
      </select>
    </div>
  )
}

function ResultItem({ r }: { r: CatalogResult }) {
  const t = useT()
  return (
    <li className="flex gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
      {r.cover ? (
        <img
          src={r.cover.src}
          srcSet={r.cover.srcSet || undefined}
          sizes="(min-width: 640px) 160px, 96px"
          width={r.cover.width ?? undefined}
          height={r.cover.height ?? undefined}
          loading="lazy"
          alt=""
          className="aspect-[4/3] w-24 shrink-0 self-start rounded object-cover sm:w-40"
        />
      ) : null}
      <div className="min-w-0 space-y-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          {t(`field.${r.field}` as MessageKey)} · {t(`kind.${r.kind}` as MessageKey)}
        </p>
        <h2 className="font-semibold leading-snug">
          <Link
            to={`/models/${r.slug}`}
            className="text-brand-800 underline-offset-2 hover:underline"
          >
            <Marked segments={r.title} />
          </Link>
        </h2>
        <p className="text-sm text-stone-600">
          {r.unitName}
          {r.places ? ` — ${r.places}` : ''}
        </p>
        {r.awardTier && r.awardYear ? (
          <p className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">
            {t('catalog.award', { tier: r.awardTier, year: String(r.awardYear) })}
          </p>
        ) : null}
        <p className="text-sm text-stone-700">
          <Marked segments={r.excerpt} />
        </p>
        {r.replicationCount > 0 ? (
          <p className="text-sm text-stone-600">
            {t('catalog.replicatedIn', { count: r.replicationCount })}
          </p>
        ) : null}
      </div>
    </li>
  )
}

/** The filters in the order the form shows them; closed vocabularies are labelled by i18n key. */
const FILTERS: { name: FilterName; label: MessageKey; all: MessageKey; vocabulary?: string }[] = [
  {
    name: 'field',
    label: 'catalog.filter.field',
    all: 'catalog.filter.allFields',
    vocabulary: 'field',
  },
  {
    name: 'kind',
    label: 'catalog.filter.kind',
    all: 'catalog.filter.allKinds',
    vocabulary: 'kind',
  },
  { name: 'province', label: 'catalog.filter.province', all: 'catalog.filter.allProvinces' },
  { name: 'commune', label: 'catalog.filter.commune', all: 'catalog.filter.allCommunes' },
  {
    name: 'unit_type',
    label: 'catalog.filter.unitType',
    all: 'catalog.filter.allUnitTypes',
    vocabulary: 'unitType',
  },
  { name: 'year', label: 'catalog.filter.year', all: 'catalog.filter.allYears' },
  { name: 'tier', label: 'catalog.filter.tier', all: 'catalog.filter.allTiers' },
  { name: 'ethnic', label: 'catalog.filter.ethnic', all: 'catalog.filter.allEthnic' },
]

const SORT_LABEL: Record<(typeof SORTS)[number], MessageKey> = {
  relevance: 'catalog.sort.relevance',
  newest: 'catalog.sort.newest',
  replicated: 'catalog.sort.replicated',
  score: 'catalog.sort.score',
}

export default function Catalog() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const { params, options } = data
  const linkParams: Partial<Record<keyof CatalogParams, string | number | undefined>> = {
    ...params,
    sort: params.sort,
  }
  const prev = data.page > 1 ? catalogHref(linkParams, { page: data.page - 1 }) : null
  const next = data.page < data.pageCount ? catalogHref(linkParams, { page: data.page + 1 }) : null
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{t('catalog.title')}</h1>
        <p className="mt-1 max-w-3xl text-stone-700">{t('catalog.intro')}</p>
      </div>
      <Form method="get" className="space-y-3 rounded-lg border border-stone-200 bg-white p-3">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-56">
            <label htmlFor="catalog-q" className={labelClass}>
              {t('catalog.search')}
            </label>
            <input
              id="catalog-q"
              type="search"
              name="q"
              defaultValue={params.q}
              maxLength={200}
              placeholder={t('catalog.searchPlaceholder')}
              className={inputClass}
            />
          </div>
          <button type="submit" className={buttonClass}>
            {t('catalog.submit')}
          </button>
        </div>
        <fieldset>
          <legend className="py-1 font-semibold text-brand-800">{t('catalog.filters')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {FILTERS.filter((f) => f.name !== 'commune' || options.commune.length).map((f) => (
              <FilterSelect
                key={f.name}
                name={f.name}
                label={f.label}
                all={f.all}
                options={options[f.name]}
                value={params[f.name]}
                optionLabel={
                  f.vocabulary ? (o) => t(`${f.vocabulary}.${o.value}` as MessageKey) : undefined
                }
              />
            ))}
            <div>
              <label htmlFor="catalog-sort" className={labelClass}>
                {t('catalog.sort')}
              </label>
              <select id="catalog-sort" name="sort" defaultValue={data.sort} className={inputClass}>
                {SORTS.filter((s) => s !== 'relevance' || data.hasQuery).map((s) => (
                  <option key={s} value={s}>
                    {t(SORT_LABEL[s])}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="mt-2 text-sm text-stone-600">{t('catalog.communeHint')}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <button type="submit" className={buttonClass}>
              {t('catalog.apply')}
            </button>
            <Link to="/models" className="self-center text-brand-800 underline">
              {t('catalog.reset')}
            </Link>
          </div>
        </fieldset>
      </Form>

      <p role="status" className="font-semibold">
        {data.capped
          ? t('catalog.countMore', { count: data.total })
          : t('catalog.count', { count: data.total })}
      </p>

      {data.results.length ? (
        <ul className="space-y-3" aria-label={t('catalog.results')}>
          {data.results.map((r) => (
            <ResultItem key={r.slug} r={r} />
          ))}
        </ul>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center">
          <p className="font-semibold">{t('catalog.empty')}</p>
          <p className="mt-1 text-stone-700">{t('catalog.emptyHint')}</p>
          <Link to="/models" className="mt-3 inline-block text-brand-800 underline">
            {t('catalog.reset')}
          </Link>
        </div>
      )}

      {data.pageCount > 1 ? (
        <nav
          aria-label={t('catalog.pagination')}
          className="flex items-center justify-between gap-2"
        >
          {prev ? (
            <Link
              to={prev}
              rel="prev"
              className="rounded border border-stone-400 bg-white px-3 py-2"
            >
              {t('catalog.prev')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-stone-700">
            {t('catalog.pageOf', { page: data.page, pages: data.pageCount })}
          </span>
          {next ? (
            <Link
              to={next}
              rel="next"
              className="rounded border border-stone-400 bg-white px-3 py-2"
            >
              {t('catalog.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      <p className="text-sm text-stone-600">
        {t('catalog.openData')}{' '}
        <a className="underline" href="/open-data/models.csv">
          CSV
        </a>{' '}
        ·{' '}
        <a className="underline" href="/open-data/models.json">
          JSON
        </a>
      </p>
    </div>
  )
}
