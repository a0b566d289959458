import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createRouteHandler } from 'uploadthing/remix'
import { uploadRouter } from '~/media/upload-router.server'
import { uploadThingConfig } from '~/storage/uploadthing.server'

/**
 * UploadThing's endpoint (a resource route): the browser asks it for signed upload URLs
 * (`POST ?actionType=upload&slug=…`, authorised by the file router's middleware), and
 * UploadThing calls it back when a file has arrived (`POST ?slug=…`, signed with our API key
 * and verified by the SDK, which answers 400 to a bad signature). `GET` returns the routes'
 * limits. Without UPLOADTHING_TOKEN the route does not exist (404): uploads go to local disk.
 *
 * Wrapper functions rather than `export const { action, loader } = createRouteHandler(…)`:
 * the latter breaks Remix's Vite build (server-only module referenced by client code).
 */
let handler: { config: string; handle: ReturnType<typeof createRouteHandler> } | undefined

function uploadThingHandler() {
  const config = uploadThingConfig()
  if (!config) throw new Response('Not Found', { status: 404 })
  const signature = JSON.stringify(config)
  if (handler?.config !== signature) {
    handler = { config: signature, handle: createRouteHandler({ router: uploadRouter, config }) }
  }
  return handler.handle
}

export async function loader(args: LoaderFunctionArgs) {
  return uploadThingHandler().loader(args)
}

export async function action(args: ActionFunctionArgs) {
  return uploadThingHandler().action(args)
}
