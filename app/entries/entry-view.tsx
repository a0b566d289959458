import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { formatDate, formatVnd, formatNumber } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import type { MediaItem } from '~/media/rules'
import { formatDecimal } from '~/models/decimal'
import type { EntrySnapshot } from './snapshot'

function Item({ label, children }: { label: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <div>
      <dt className="text-sm font-semibold text-stone-700">{t(label)}</dt>
      <dd className="mt-0.5 whitespace-pre-line">
        {children || <span className="text-stone-500">{t('view.none')}</span>}
      </dd>
    </div>
  )
}

function Block({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold text-brand-800">
        {t(title)}
      </h2>
      <dl className="mt-3 space-y-3">{children}</dl>
    </section>
  )
}

/** Photos with responsive variants (srcset), lazily loaded. */
export function Gallery({ photos }: { photos: MediaItem[] }) {
  const t = useT()
  if (!photos.length) return <p className="text-stone-500">{t('view.none')}</p>
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {photos.map((p) => {
        const srcSet = p.variants.map((v) => `${v.url} ${v.width}w`).join(', ')
        const fallback = p.variants[p.variants.length > 1 ? 1 : 0]?.url ?? p.url
        return (
          <li key={p.id}>
            <figure>
              <a href={p.url}>
                <img
                  src={fallback}
                  srcSet={srcSet || undefined}
                  sizes="(min-width: 640px) 33vw, 50vw"
                  width={p.width ?? undefined}
                  height={p.height ?? undefined}
                  loading="lazy"
                  alt={p.caption || t('content.photos')}
                  className="aspect-[4/3] w-full rounded object-cover"
                />
              </a>
              {p.caption ? (
                <figcaption className="mt-1 text-sm text-stone-700">{p.caption}</figcaption>
              ) : null}
            </figure>
          </li>
        )
      })}
    </ul>
  )
}

/** The content of an entry (a submitted snapshot), read-only, in the order of the form. */
export function EntryView({
  snapshot,
  photos,
  documents,
}: {
  snapshot: EntrySnapshot
  photos: MediaItem[]
  documents: MediaItem[]
}) {
  const t = useT()
  const locale = useLocale()
  const num = (n: number | null) => (n == null ? '' : formatNumber(locale, n))
  const vnd = (n: number | null) => (n == null ? '' : formatVnd(locale, n))
  return (
    <div className="space-y-4">
      <Block id="view-general" title="section.general">
        <Item label="content.title">{snapshot.title}</Item>
        <Item label="content.kind">{t(`kind.${snapshot.kind}`)}</Item>
        <Item label="content.field">{t(`field.${snapshot.field}`)}</Item>
        <Item label="content.unit">{snapshot.unit.name}</Item>
        <Item label="content.communes">{snapshot.communes.map((c) => c.name).join(', ')}</Item>
        <Item label="content.start_date">
          {snapshot.start_date ? formatDate(locale, snapshot.start_date) : ''}
        </Item>
        {snapshot.period_start && snapshot.period_end ? (
          <Item label="content.period_start">
            {formatDate(locale, snapshot.period_start)} – {formatDate(locale, snapshot.period_end)}
          </Item>
        ) : null}
        <Item label="content.summary">{snapshot.summary}</Item>
      </Block>
      <Block id="view-situation" title="section.situation">
        <Item label="content.context">{snapshot.context}</Item>
        <Item label="content.objectives">{snapshot.objectives}</Item>
      </Block>
      <Block id="view-method" title="section.method">
        <Item label="content.method">{snapshot.method}</Item>
        <Item label="content.forces">{snapshot.forces}</Item>
      </Block>
      <Block id="view-resources" title="section.resources">
        <Item label="content.resources_vnd">{vnd(snapshot.resources_vnd)}</Item>
        <Item label="content.resources_workdays">{num(snapshot.resources_workdays)}</Item>
        <Item label="content.residents_involved">{num(snapshot.residents_involved)}</Item>
        <Item label="content.ethnic_groups">{snapshot.ethnic_groups.join(', ')}</Item>
        <Item label="content.resident_contributions">{snapshot.resident_contributions}</Item>
      </Block>
      <section
        aria-labelledby="view-results"
        className="rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="view-results" className="text-lg font-semibold text-brand-800">
          {t('section.results')}
        </h2>
        {snapshot.indicators.length ? (
          <ul className="mt-3 divide-y divide-stone-200">
            {snapshot.indicators.map((i) => (
              <li key={i.position} className="py-2">
                <p className="font-medium">{i.label}</p>
                <p>
                  <strong className="text-lg">{formatDecimal(i.value, locale)}</strong> {i.unit}
                  {i.baseline ? (
                    <span className="text-sm text-stone-600">
                      {' '}
                      ({t('indicator.baseline')}: {formatDecimal(i.baseline, locale)} {i.unit})
                    </span>
                  ) : null}
                  {i.period ? <span className="text-sm text-stone-600"> · {i.period}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-500">{t('indicator.none')}</p>
        )}
      </section>
      <Block id="view-replication" title="section.replication">
        <Item label="content.sustainability">{snapshot.sustainability}</Item>
        <Item label="content.replication_conditions">{snapshot.replication_conditions}</Item>
        <Item label="content.replication_steps">{snapshot.replication_steps}</Item>
        <Item label="content.replication_cost_vnd">{vnd(snapshot.replication_cost_vnd)}</Item>
      </Block>
      <Block id="view-contact" title="section.contact">
        <Item label="content.contact_name">{snapshot.contact_name}</Item>
        <Item label="content.contact_phone">{snapshot.contact_phone}</Item>
        <Item label="content.contact_email">{snapshot.contact_email}</Item>
      </Block>
      <section
        aria-labelledby="view-media"
        className="rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="view-media" className="text-lg font-semibold text-brand-800">
          {t('section.media')}
        </h2>
        <div className="mt-3">
          <Gallery photos={photos} />
        </div>
        {documents.length ? (
          <ul className="mt-3 list-inside list-disc">
            {documents.map((d) => (
              <li key={d.id}>
                <a href={d.url} className="text-brand-700 underline">
                  {d.caption || d.originalName || t('content.documents')}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  )
}
