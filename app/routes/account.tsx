import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { revokeUserSessions } from '#db/repos/sessions'
import { findUserById, updateUser } from '#db/repos/users'
import { requireUser } from '~/auth/guards.server'
import { hashPassword, verifyPassword } from '~/auth/password.server'
import { changePasswordSchema } from '~/auth/schemas'
import { sessionIdOf } from '~/auth/session.server'
import { now } from '~/clock.server'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { FieldErrors, FormMessage, buttonClass, inputClass, labelClass } from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('account.title')])

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { user }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readForm(request), { schema: changePasswordSchema })
  const hidden = { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] }
  if (submission.status !== 'success') {
    return data({ result: submission.reply(hidden), changed: false }, { status: 400 })
  }
  const record = await findUserById(user.id)
  if (!record || !(await verifyPassword(submission.value.currentPassword, record.password_hash))) {
    return data(
      {
        result: submission.reply({
          ...hidden,
          fieldErrors: { currentPassword: ['account.wrongPassword'] },
        }),
        changed: false,
      },
      { status: 400 },
    )
  }
  const passwordHash = await hashPassword(submission.value.newPassword)
  const at = now()
  const keep = (await sessionIdOf(request)) ?? undefined
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await updateUser(user.id, { passwordHash }, at, tx)
      await revokeUserSessions(user.id, at, { except: keep }, tx)
      await recordAudit(
        {
          actorId: user.id,
          action: 'user.change_password',
          subjectType: 'user',
          subjectId: user.id,
          ip: clientIp(context),
        },
        tx,
      )
    })
  return { result: submission.reply({ resetForm: true }), changed: true }
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(changePasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  })
  const passwordFields = [
    [fields.currentPassword, 'account.currentPassword', 'current-password'],
    [fields.newPassword, 'account.newPassword', 'new-password'],
    [fields.confirmPassword, 'account.confirmPassword', 'new-password'],
  ] as const
  return (
    <div className="max-w-xl space-y-8">
      <section>
        <h1 className="text-2xl font-bold">{t('account.title')}</h1>
        <p className="mt-2 text-lg">{user.displayName}</p>
        <p className="text-stone-600">{user.username}</p>
        <h2 className="mt-4 font-semibold">{t('account.roles')}</h2>
        <ul className="mt-1 list-inside list-disc">
          {user.roles.map((r) => (
            <li key={r.role}>
              {t(`role.${r.role}`)}
              {r.orgUnitName ? ` — ${r.orgUnitName}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="change-password-title">
        <h2 id="change-password-title" className="text-xl font-semibold">
          {t('account.changePassword')}
        </h2>
        <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
          {actionData?.changed ? (
            <FormMessage tone="success">{t('account.passwordChanged')}</FormMessage>
          ) : null}
          {passwordFields.map(([field, label, autoComplete]) => (
            <div key={field.name}>
              <label htmlFor={field.id} className={labelClass}>
                {t(label)}
              </label>
              <input
                {...getInputProps(field, { type: 'password' })}
                autoComplete={autoComplete}
                className={inputClass}
              />
              {field.name === 'newPassword' ? (
                <p className="mt-1 text-sm text-stone-600">{t('account.passwordHint')}</p>
              ) : null}
              <FieldErrors id={field.errorId} errors={field.errors} />
            </div>
          ))}
          <button type="submit" className={buttonClass}>
            {t('account.save')}
          </button>
        </Form>
      </section>
    </div>
  )
}
