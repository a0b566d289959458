import type { FieldMetadata } from '@conform-to/react'
import { ROLES } from '#db/domain'
import { useT } from '~/i18n/use-t'
import { FieldErrors, inputClass, labelClass } from '~/ui/form'

// Conform's field metadata is typed by the schema of each form; these fields only need name, id, errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = FieldMetadata<any, any, string[]>

export interface Option {
  id: number
  name: string
}

/** Role checkboxes with the unit and commune pickers they need, shared by the create and edit forms. */
export function RoleFields({
  roles,
  unitId,
  communeId,
  units,
  communes,
}: {
  roles: Field
  unitId: Field
  communeId: Field
  units: Option[]
  communes: Option[]
}) {
  const t = useT()
  const initial: unknown = roles.initialValue
  const chosen = new Set<unknown>(Array.isArray(initial) ? initial : initial ? [initial] : [])
  return (
    <>
      <fieldset aria-describedby={roles.errors?.length ? roles.errorId : undefined}>
        <legend className={labelClass}>{t('users.roles')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex items-center gap-2">
              <input
                key={roles.key}
                type="checkbox"
                name={roles.name}
                value={role}
                defaultChecked={chosen.has(role)}
                className="h-5 w-5"
              />
              {t(`role.${role}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={roles.errorId} errors={roles.errors} />
      </fieldset>
      <div>
        <label htmlFor={unitId.id} className={labelClass}>
          {t('users.unit')}
        </label>
        <select
          key={unitId.key}
          id={unitId.id}
          name={unitId.name}
          defaultValue={String(unitId.initialValue ?? '')}
          aria-invalid={unitId.errors?.length ? true : undefined}
          aria-describedby={unitId.errors?.length ? unitId.errorId : undefined}
          className={inputClass}
        >
          <option value="">{t('users.chooseUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FieldErrors id={unitId.errorId} errors={unitId.errors} />
      </div>
      <div>
        <label htmlFor={communeId.id} className={labelClass}>
          {t('users.commune')}
        </label>
        <select
          key={communeId.key}
          id={communeId.id}
          name={communeId.name}
          defaultValue={String(communeId.initialValue ?? '')}
          aria-invalid={communeId.errors?.length ? true : undefined}
          aria-describedby={communeId.errors?.length ? communeId.errorId : undefined}
          className={inputClass}
        >
          <option value="">{t('users.chooseCommune')}</option>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldErrors id={communeId.errorId} errors={communeId.errors} />
      </div>
    </>
  )
}
