import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { requireAnonymous } from '~/auth/guards.server'
import { attemptLogin } from '~/auth/login.server'
import { homeFor } from '~/auth/permissions'
import { safeRedirect } from '~/http/safe-redirect'
import { loginSchema } from '~/auth/schemas'
import { createUserSession } from '~/auth/session.server'
import { now } from '~/clock.server'
import { translator } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { FieldErrors, FormMessage, buttonClass, inputClass, labelClass } from '~/ui/form'
import { rolesOfUser } from '#db/repos/users'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction = (args) => pageTitle(args, (t) => [t('login.title')])

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '')
  await requireAnonymous(request, redirectTo || '/')
  return { redirectTo }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: loginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { username, password, redirectTo } = submission.value
  const ip = clientIp(context)
  const outcome = await attemptLogin({ username, password, ip, now: now() })
  if (!outcome.ok) {
    const t = translator(await getLocale(request))
    const message =
      outcome.error === 'locked'
        ? t('login.locked', { minutes: String(Math.ceil(outcome.retryAfterSeconds / 60)) })
        : outcome.error === 'slow_down'
          ? t('login.slowDown', { seconds: String(outcome.retryAfterSeconds) })
          : t(outcome.error === 'inactive' ? 'login.inactive' : 'login.invalid')
    const status = outcome.error === 'locked' || outcome.error === 'slow_down' ? 429 : 401
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
      {
        status,
        headers:
          'retryAfterSeconds' in outcome
            ? { 'Retry-After': String(outcome.retryAfterSeconds) }
            : undefined,
      },
    )
  }
  const cookie = await createUserSession(outcome.userId, request, ip)
  const fallback = homeFor({ roles: await rolesOfUser(outcome.userId) })
  return redirect(safeRedirect(redirectTo, fallback), { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const navigation = useNavigation()
  const passwordRef = useRef<HTMLInputElement>(null)
  // After a refused attempt the password field starts empty again (the username stays).
  useEffect(() => {
    if (actionData && passwordRef.current) passwordRef.current.value = ''
  }, [actionData])
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  })
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t('login.title')}</h1>
      <p className="mt-2 text-stone-700">{t('login.intro')}</p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        {form.errors?.length ? (
          <div id={form.errorId}>
            <FormMessage tone="error">{form.errors.join(' ')}</FormMessage>
          </div>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div>
          <label htmlFor={fields.username.id} className={labelClass}>
            {t('login.username')}
          </label>
          <input
            {...getInputProps(fields.username, { type: 'text' })}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className={inputClass}
          />
          <FieldErrors id={fields.username.errorId} errors={fields.username.errors} />
        </div>
        <div>
          <label htmlFor={fields.password.id} className={labelClass}>
            {t('login.password')}
          </label>
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            ref={passwordRef}
            autoComplete="current-password"
            className={inputClass}
          />
          <FieldErrors id={fields.password.errorId} errors={fields.password.errors} />
        </div>
        <button
          type="submit"
          className={`${buttonClass} w-full`}
          disabled={navigation.state === 'submitting'}
        >
          {t('login.submit')}
        </button>
      </Form>
    </div>
  )
}
