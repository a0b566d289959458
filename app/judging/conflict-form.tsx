import { MAX_LENGTH } from '~/forms/limits'
import { useFetcher } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { FormMessage, inputClass, labelClass, secondaryButtonClass } from '~/ui/form'

/**
 * The judge's "declare a conflict of interest" form, for the judge's entry page. It posts
 * to /judge/entries/:entryId/conflict, which sends the judge back to their queue on success
 * (the entry is no longer theirs) and answers `{ message }` when it refuses.
 */
export function ConflictForm({ entryId }: { entryId: number }) {
  const fetcher = useFetcher<{ message?: string }>()
  const t = useT()
  const error = fetcher.state === 'idle' ? fetcher.data?.message : undefined
  return (
    <section
      aria-labelledby="conflict-title"
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="conflict-title" className="text-lg font-semibold">
        {t('conflict.title')}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t('conflict.intro')}</p>
      <fetcher.Form
        method="post"
        action={`/judge/entries/${entryId}/conflict`}
        className="mt-3 space-y-3"
      >
        {error ? <FormMessage tone="error">{t(error)}</FormMessage> : null}
        <div>
          <label htmlFor="conflict-reason" className={labelClass}>
            {t('conflict.reason')}
          </label>
          <textarea
            id="conflict-reason"
            name="reason"
            required
            minLength={5}
            maxLength={MAX_LENGTH.reason}
            rows={3}
            className={inputClass}
          />
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={fetcher.state !== 'idle'}>
          {t('conflict.submit')}
        </button>
      </fetcher.Form>
    </section>
  )
}
