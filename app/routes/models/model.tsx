import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { publicModelPage } from '~/catalog/catalog.server'
import { publicOrigin } from '~/public-url.server'
import { Gallery } from '~/entries/entry-view'
import { notFound } from '~/entries/access.server'
import { formatDate, formatNumber, formatVnd, translator, type MessageKey } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { formatDecimal } from '~/models/decimal'
import { ScrollTable } from '~/ui/scroll-table'
import { pageTitle } from '~/ui/page-title'

/** GET /models/:slug — the public page of a published model (404 otherwise). */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const page = slug.length <= 200 ? await publicModelPage(slug) : null
  if (!page) notFound()
  const base = publicOrigin()
  const cover = page.photos[0]
  const big = cover ? [...cover.variants].sort((a, b) => b.width - a.width)[0] : undefined
  return {
    ...page,
    url: `${base}/models/${page.model.slug}`,
    ogImage: cover ? `${base}${big?.url ?? cover.url}` : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'vi' | 'en' } | undefined
  const t = translator(root?.locale ?? 'vi')
  if (!data) return pageTitle({ matches }, () => [t('error.404.title')])
  const description = data.model.summary.slice(0, 300)
  return [
    ...pageTitle({ matches }, () => [data.model.title]),
    { name: 'description', content: description },
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: data.model.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: data.url },
    { property: 'og:site_name', content: t('app.name') },
    ...(data.ogImage ? [{ property: 'og:image', content: data.ogImage }] : []),
    { tagName: 'link', rel: 'canonical', href: data.url },
  ]
}

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <section
      aria-labelledby={id}
      className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-4 print:border-0 print:p-0"
    >
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {t(title)}
      </h2>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  )
}

/** A section holding one table (or a line saying there is nothing), headed by `title`. */
function TableSection({
  id,
  title,
  columns,
  empty,
  children,
}: {
  id: string
  title: string
  columns: { label: MessageKey; right?: boolean }[]
  empty: MessageKey | null
  children: ReactNode
}) {
  const t = useT()
  return (
    <section
      aria-labelledby={id}
      className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-4 print:border-0 print:p-0"
    >
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      {empty ? (
        <p className="mt-2 text-stone-600">{t(empty)}</p>
      ) : (
        <ScrollTable labelledBy={id}>
          <thead className="bg-stone-100">
            <tr>
              {columns.map((c) => (
                <th
                  key={c.label}
                  scope="col"
                  className={`px-3 py-2${c.right ? ' text-right' : ''}`}
                >
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </ScrollTable>
      )}
    </section>
  )
}

function Text({ label, children }: { label: MessageKey; children: ReactNode }) {
  const t = useT()
  if (children === '' || children == null) return null
  return (
    <div>
      <h3 className="text-sm font-semibold text-stone-700">{t(label)}</h3>
      <p className="mt-0.5 whitespace-pre-line">{children}</p>
    </div>
  )
}

export default function ModelPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const m = data.model
  const vnd = (n: number | null) => (n == null ? '' : formatVnd(locale, n))
  const num = (n: number | null) => (n == null ? '' : formatNumber(locale, n))
  return (
    // `model-page` gives the page its print layout (app/styles/app.css).
    <article className="model-page space-y-4">
      <p className="print:hidden">
        <Link to="/models" className="text-brand-800 underline">
          {t('catalog.backToCatalog')}
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          {t(`field.${m.field}`)} · {t(`kind.${m.kind}`)}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{m.title}</h1>
        <p className="text-stone-700">
          {m.unitName}
          {m.area.length ? ` — ${m.area.join(', ')}` : ''}
        </p>
        {data.awards[0] ? (
          <p className="inline-block rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
            {t('catalog.award', {
              tier: data.awards[0].tier,
              year: String(data.awards[0].year),
            })}
          </p>
        ) : null}
        <p className="font-semibold">
          {t('catalog.replicatedInLong', { count: data.replicationCount })}
        </p>
        <p className="hidden text-sm print:block">{data.url}</p>
      </header>

      <Section id="model-photos" title="catalog.model.photos">
        <Gallery photos={data.photos} />
      </Section>

      <Section id="model-general" title="section.general">
        <Text label="content.summary">{m.summary}</Text>
        <Text label="content.communes">{data.communes.map((c) => c.name).join(', ')}</Text>
        <Text label="content.start_date">{m.startDate ? formatDate(locale, m.startDate) : ''}</Text>
        <Text label="content.ethnic_groups">{m.ethnicGroups.join(', ')}</Text>
      </Section>

      <Section id="model-situation" title="section.situation">
        <Text label="content.context">{m.context}</Text>
        <Text label="content.objectives">{m.objectives}</Text>
      </Section>

      <Section id="model-method" title="section.method">
        <Text label="content.method">{m.method}</Text>
        <Text label="content.forces">{m.forces}</Text>
      </Section>

      <Section id="model-resources" title="section.resources">
        <Text label="content.resources_vnd">{vnd(m.resourcesVnd)}</Text>
        <Text label="content.resources_workdays">{num(m.resourcesWorkdays)}</Text>
        <Text label="content.residents_involved">{num(m.residentsInvolved)}</Text>
        <Text label="content.resident_contributions">{m.residentContributions}</Text>
      </Section>

      <TableSection
        id="model-indicators"
        title={t('section.results')}
        columns={[
          { label: 'indicator.label' },
          { label: 'indicator.value', right: true },
          { label: 'indicator.baseline', right: true },
          { label: 'indicator.period' },
        ]}
        empty={data.indicators.length ? null : 'view.none'}
      >
        {data.indicators.map((i) => (
          <tr key={i.position} className="border-t border-stone-200">
            <th scope="row" className="px-3 py-2 font-medium">
              {i.label}
            </th>
            <td className="px-3 py-2 text-right whitespace-nowrap">
              {formatDecimal(i.value, locale)} {i.unit}
            </td>
            <td className="px-3 py-2 text-right whitespace-nowrap">
              {i.baseline ? `${formatDecimal(i.baseline, locale)} ${i.unit}` : ''}
            </td>
            <td className="px-3 py-2">{i.period}</td>
          </tr>
        ))}
      </TableSection>

      <Section id="model-replication" title="section.replication">
        <Text label="content.sustainability">{m.sustainability}</Text>
        <Text label="content.replication_conditions">{m.replicationConditions}</Text>
        <Text label="content.replication_steps">{m.replicationSteps}</Text>
        <Text label="content.replication_cost_vnd">{vnd(m.replicationCostVnd)}</Text>
      </Section>

      <Section id="model-contact" title="section.contact">
        {m.contactName || m.contactPhone || m.contactEmail ? (
          <ul className="space-y-1">
            {m.contactName ? <li>{m.contactName}</li> : null}
            {m.contactPhone ? (
              <li>
                {t('content.contact_phone')}:{' '}
                <a className="underline" href={`tel:${m.contactPhone.replace(/[^\d+]/g, '')}`}>
                  {m.contactPhone}
                </a>
              </li>
            ) : null}
            {m.contactEmail ? (
              <li>
                {t('content.contact_email')}:{' '}
                <a className="underline" href={`mailto:${m.contactEmail}`}>
                  {m.contactEmail}
                </a>
              </li>
            ) : null}
            <li className="text-sm text-stone-600">{m.unitName}</li>
          </ul>
        ) : (
          <p className="text-stone-600">{t('view.none')}</p>
        )}
      </Section>

      <TableSection
        id="model-awards"
        title={t('catalog.model.awards')}
        columns={[
          { label: 'catalog.model.year' },
          { label: 'catalog.model.contest' },
          { label: 'catalog.model.tier' },
          { label: 'catalog.model.decision' },
        ]}
        empty={data.awards.length ? null : 'catalog.model.noAwards'}
      >
        {data.awards.map((a) => {
          const number = a.decision_number ?? a.contest_decision_number
          const date = a.decision_date ?? a.contest_decision_date
          return (
            <tr key={a.id} className="border-t border-stone-200">
              <th scope="row" className="px-3 py-2 font-medium">
                {a.year}
              </th>
              <td className="px-3 py-2">{a.contest_title}</td>
              <td className="px-3 py-2">{a.tier}</td>
              <td className="px-3 py-2">
                {number
                  ? t('catalog.model.decisionText', {
                      number,
                      date: date ? formatDate(locale, date) : '',
                    })
                  : ''}
              </td>
            </tr>
          )
        })}
      </TableSection>

      <TableSection
        id="model-replications"
        title={t('catalog.replicatedInLong', { count: data.replicationCount })}
        columns={[
          { label: 'catalog.model.commune' },
          { label: 'catalog.model.status' },
          { label: 'catalog.model.startDate' },
        ]}
        empty={data.replications.length ? null : 'catalog.model.noReplications'}
      >
        {data.replications.map((r) => (
          <tr key={r.id} className="border-t border-stone-200">
            <th scope="row" className="px-3 py-2 font-medium">
              {r.commune_name}
              {r.district_name ? (
                <span className="block text-sm font-normal text-stone-600">{r.district_name}</span>
              ) : null}
            </th>
            <td className="px-3 py-2">{t(`replicationStatus.${r.status}`)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{formatDate(locale, r.start_date)}</td>
          </tr>
        ))}
      </TableSection>
      {data.replicationCount > data.replications.length ? (
        <p className="text-sm text-stone-600">
          {t('catalog.model.moreReplications', { shown: data.replications.length })}{' '}
          <a className="underline" href="/open-data/replications.csv">
            {t('catalog.model.allReplications')}
          </a>
        </p>
      ) : null}

      <p className="print:hidden">
        <Link
          to={`/commune/replications/new?model=${encodeURIComponent(m.slug)}`}
          className="font-semibold text-brand-700 underline"
        >
          {t('catalog.model.replicateThis')}
        </Link>
      </p>

      {data.derivedFrom.length || data.replicatedAs.length ? (
        <Section id="model-lineage" title="catalog.model.lineage">
          {data.derivedFrom.length ? (
            <div>
              <h3 className="text-sm font-semibold text-stone-700">
                {t('catalog.model.derivedFrom')}
              </h3>
              <ul className="mt-1 list-disc pl-5">
                {data.derivedFrom.map((s) => (
                  <li key={s.slug}>
                    <Link to={`/models/${s.slug}`} className="text-brand-800 underline">
                      {s.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {data.replicatedAs.length ? (
            <div>
              <h3 className="text-sm font-semibold text-stone-700">
                {t('catalog.model.replicatedAs')}
              </h3>
              <ul className="mt-1 list-disc pl-5">
                {data.replicatedAs.map((r) => (
                  <li key={r.id}>
                    <Link to={`/models/${r.derived_slug}`} className="text-brand-800 underline">
                      {r.derived_title}
                    </Link>{' '}
                    <span className="text-stone-600">({r.commune_name})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Section>
      ) : null}

      <p className="text-sm text-stone-600">
        {t('catalog.model.published', { date: formatDate(locale, m.publishedAt) })}
      </p>
    </article>
  )
}
