import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { safeRedirect } from '~/http/safe-redirect'
import { isLocale, localeCookie } from '~/i18n/locale.server'
import { readForm } from '~/forms/parse'

export async function loader() {
  return redirect('/')
}

/** Public: anyone may choose the language; it is remembered in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const locale = form.get('locale')
  const to = safeRedirect(form.get('redirectTo'))
  if (!isLocale(locale)) return redirect(to)
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}
