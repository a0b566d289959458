import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { orgUnitsInScope } from '#db/repos/org-units'
import { findUserById, rolesOfUser } from '#db/repos/users'
import { forbidden, requireAdmin } from '~/auth/guards.server'
import { useT } from '~/i18n/use-t'
import { clientIp } from '~/load-context'
import { RoleFields } from '~/users/role-fields'
import { editUserSchema } from '~/users/schemas'
import {
  canManageUser,
  isRefusal,
  organiserScope,
  resetPassword,
  resolveRoleGrants,
  saveUserRoles,
  setUserActive,
} from '~/users/users.server'
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

async function loadManagedUser(request: Request, param: string | undefined) {
  const admin = await requireAdmin(request)
  const id = Number(param)
  const user = Number.isInteger(id) && id > 0 ? await findUserById(id) : undefined
  if (!user) throw data({ message: 'not found' }, { status: 404 })
  if (!(await canManageUser(admin, user.id))) forbidden()
  return { admin, user }
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args
  return pageTitle(args, (t) => [
    t('users.editTitle', { name: data?.user.username ?? '' }),
    data?.user.displayName,
  ])
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, user } = await loadManagedUser(request, params.userId)
  const scope = await organiserScope(admin)
  const [roles, units, communes] = await Promise.all([
    rolesOfUser(user.id),
    orgUnitsInScope(scope, 'unit'),
    orgUnitsInScope(scope, 'commune'),
  ])
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      isActive: !!user.is_active,
    },
    roles: roles.map((r) => r.role),
    unitId: roles.find((r) => r.role === 'unit')?.org_unit_id ?? undefined,
    communeId: roles.find((r) => r.role === 'commune')?.org_unit_id ?? undefined,
    isSelf: admin.id === user.id,
    units,
    communes,
  }
}

type Notice = 'users.saved' | 'users.resetDone' | 'users.deactivated' | 'users.activated'

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, user } = await loadManagedUser(request, params.userId)
  const submission = parseWithZod(await readForm(request), { schema: editUserSchema })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['newPassword'] }), notice: null },
      { status: 400 },
    )
  }
  const v = submission.value
  const ip = clientIp(context)
  let outcome: true | { field: string; message: string }
  let notice: Notice
  switch (v.intent) {
    case 'save': {
      const grants = await resolveRoleGrants(admin, v)
      outcome = isRefusal(grants)
        ? grants
        : await saveUserRoles(admin, user.id, { displayName: v.displayName, grants }, ip)
      notice = 'users.saved'
      break
    }
    case 'reset-password':
      await resetPassword(admin, user.id, v.newPassword, ip)
      outcome = true
      notice = 'users.resetDone'
      break
    case 'deactivate':
    case 'activate':
      outcome = await setUserActive(admin, user.id, v.intent === 'activate', ip)
      notice = v.intent === 'activate' ? 'users.activated' : 'users.deactivated'
      break
  }
  if (isRefusal(outcome)) {
    const reply = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      : submission.reply({ formErrors: [outcome.message] })
    return data({ result: reply, notice: null }, { status: 400 })
  }
  return { result: submission.reply({ resetForm: v.intent === 'reset-password' }), notice }
}

export default function AdminUserEdit() {
  const loaderData = useLoaderData<typeof loader>()
  const { user, isSelf, units, communes } = loaderData
  const actionData = useActionData<typeof action>()
  const t = useT()
  const lastIntent = actionData?.result.initialValue?.intent
  const [rolesForm, roleFields] = useForm({
    id: 'user-roles',
    lastResult: lastIntent === 'save' ? actionData?.result : undefined,
    defaultValue: {
      intent: 'save',
      displayName: user.displayName,
      roles: loaderData.roles,
      unitId: loaderData.unitId?.toString(),
      communeId: loaderData.communeId?.toString(),
    },
    constraint: getZodConstraint(editUserSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editUserSchema }),
  })
  const [passwordForm, passwordFields] = useForm({
    id: 'user-password',
    lastResult: lastIntent === 'reset-password' ? actionData?.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editUserSchema }),
  })
  const otherErrors =
    lastIntent !== 'save' && lastIntent !== 'reset-password' ? actionData?.result.error?.[''] : null
  return (
    <div className="max-w-xl space-y-8">
      <p>
        <Link to="/admin/users" className="text-brand-700 underline">
          {t('users.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('users.editTitle', { name: user.username })}</h1>
      {actionData?.notice ? <FormMessage tone="success">{t(actionData.notice)}</FormMessage> : null}
      {otherErrors?.length ? (
        <FormMessage tone="error">{otherErrors.map((e) => t(e)).join(' ')}</FormMessage>
      ) : null}

      <Form method="post" className="space-y-4" {...getFormProps(rolesForm)}>
        <input type="hidden" name="intent" value="save" />
        <div>
          <label htmlFor={roleFields.displayName.id} className={labelClass}>
            {t('users.displayName')}
          </label>
          <input
            {...getInputProps(roleFields.displayName, { type: 'text' })}
            className={inputClass}
          />
          <FieldErrors id={roleFields.displayName.errorId} errors={roleFields.displayName.errors} />
        </div>
        <RoleFields
          roles={roleFields.roles}
          unitId={roleFields.unitId}
          communeId={roleFields.communeId}
          units={units}
          communes={communes}
        />
        <button type="submit" className={buttonClass}>
          {t('users.saveRoles')}
        </button>
      </Form>

      <section aria-labelledby="reset-title">
        <h2 id="reset-title" className="text-xl font-semibold">
          {t('users.resetPassword')}
        </h2>
        <Form method="post" className="mt-3 space-y-3" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="reset-password" />
          <div>
            <label htmlFor={passwordFields.newPassword.id} className={labelClass}>
              {t('users.newPassword')}
            </label>
            <input
              {...getInputProps(passwordFields.newPassword, { type: 'password' })}
              autoComplete="new-password"
              className={inputClass}
            />
            <FieldErrors
              id={passwordFields.newPassword.errorId}
              errors={passwordFields.newPassword.errors}
            />
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t('users.resetPassword')}
          </button>
        </Form>
      </section>

      {isSelf ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value={user.isActive ? 'deactivate' : 'activate'} />
          <p className="mb-2">
            {t('users.status')}: {user.isActive ? t('users.active') : t('users.inactive')}
          </p>
          <button type="submit" className={secondaryButtonClass}>
            {user.isActive ? t('users.deactivate') : t('users.activate')}
          </button>
        </Form>
      )}
    </div>
  )
}
