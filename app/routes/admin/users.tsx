import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { orgUnitsInScope } from '#db/repos/org-units'
import { listUsers } from '#db/repos/users'
import { requireAdmin } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n'
import { useLocale, useT } from '~/i18n/use-t'
import { ColumnHeader, ScrollTable } from '~/ui/scroll-table'
import { clientIp } from '~/load-context'
import { RoleFields } from '~/users/role-fields'
import { createUserSchema } from '~/users/schemas'
import { createUser, isRefusal, organiserScope, resolveRoleGrants } from '~/users/users.server'
import {
  FieldErrors,
  FormMessage,
  buttonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from '~/ui/form'
import { pageTitle } from '~/ui/page-title'
import { getZodConstraint, parseWithZod, readForm } from '~/forms/parse'

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => [t('users.title')])

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 100) ?? ''
  const scope = await organiserScope(admin)
  const [list, units, communes] = await Promise.all([
    listUsers({ q, limit: 200 }),
    orgUnitsInScope(scope, 'unit'),
    orgUnitsInScope(scope, 'commune'),
  ])
  return { q, ...list, units, communes }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const submission = parseWithZod(await readForm(request), { schema: createUserSchema })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password'] }), created: null },
      { status: 400 },
    )
  }
  const v = submission.value
  const grants = await resolveRoleGrants(admin, v)
  const outcome = isRefusal(grants)
    ? grants
    : await createUser(
        admin,
        { username: v.username, displayName: v.displayName, password: v.password, grants },
        clientIp(context),
      )
  if (isRefusal(outcome)) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { [outcome.field]: [outcome.message] },
          hideFields: ['password'],
        }),
        created: null,
      },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }), created: v.username }
}

export default function AdminUsers() {
  const { q, users, total, units, communes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'create-user',
    lastResult: actionData?.result,
    constraint: getZodConstraint(createUserSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
  })
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('users.title')}</h1>

      <section aria-labelledby="user-list" className="space-y-3">
        <h2 id="user-list" className="sr-only">
          {t('users.title')}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <div className="grow">
            <label htmlFor="user-search" className={labelClass}>
              {t('users.search')}
            </label>
            <input id="user-search" name="q" defaultValue={q} className={inputClass} />
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t('users.searchSubmit')}
          </button>
        </Form>
        <p className="text-sm text-stone-600">{t('users.count', { count: total })}</p>
        <ScrollTable labelledBy="user-list">
          <thead className="bg-stone-100">
            <tr>
              <ColumnHeader label="users.username" />
              <ColumnHeader label="users.displayName" />
              <ColumnHeader label="users.roles" />
              <ColumnHeader label="users.status" />
              <ColumnHeader label="users.lastLogin" />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-stone-200">
                <td className="px-3 py-2">
                  <Link
                    to={`/admin/users/${u.id}`}
                    className="font-semibold text-brand-700 underline"
                  >
                    {u.username}
                  </Link>
                </td>
                <td className="px-3 py-2">{u.display_name}</td>
                <td className="px-3 py-2">
                  {u.roles.length
                    ? u.roles
                        .map(
                          (r) =>
                            `${t(`role.${r.role}`)}${r.org_unit_name ? ` (${r.org_unit_name})` : ''}`,
                        )
                        .join('; ')
                    : t('users.noRoles')}
                </td>
                <td className="px-3 py-2">
                  {u.is_active ? t('users.active') : t('users.inactive')}
                </td>
                <td className="px-3 py-2">
                  {u.last_login_at ? formatDateTime(locale, u.last_login_at) : t('users.never')}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section aria-labelledby="create-user-title" className="max-w-xl">
        <h2 id="create-user-title" className="text-xl font-semibold">
          {t('users.create')}
        </h2>
        <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
          {actionData?.created ? (
            <FormMessage tone="success">
              {t('users.created', { username: actionData.created })}
            </FormMessage>
          ) : null}
          <div>
            <label htmlFor={fields.username.id} className={labelClass}>
              {t('users.username')}
            </label>
            <input
              {...getInputProps(fields.username, {
                type: 'text',
                ariaDescribedBy: `${fields.username.id}-hint`,
              })}
              autoCapitalize="none"
              autoComplete="off"
              className={inputClass}
            />
            <p id={`${fields.username.id}-hint`} className="mt-1 text-sm text-stone-600">
              {t('users.usernameHint')}
            </p>
            <FieldErrors id={fields.username.errorId} errors={fields.username.errors} />
          </div>
          <div>
            <label htmlFor={fields.displayName.id} className={labelClass}>
              {t('users.displayName')}
            </label>
            <input
              {...getInputProps(fields.displayName, { type: 'text' })}
              className={inputClass}
            />
            <FieldErrors id={fields.displayName.errorId} errors={fields.displayName.errors} />
          </div>
          <div>
            <label htmlFor={fields.password.id} className={labelClass}>
              {t('users.password')}
            </label>
            <input
              {...getInputProps(fields.password, { type: 'password' })}
              autoComplete="new-password"
              className={inputClass}
            />
            <FieldErrors id={fields.password.errorId} errors={fields.password.errors} />
          </div>
          <RoleFields
            roles={fields.roles}
            unitId={fields.unitId}
            communeId={fields.communeId}
            units={units}
            communes={communes}
          />
          <button type="submit" className={buttonClass}>
            {t('users.create')}
          </button>
        </Form>
      </section>
    </div>
  )
}
