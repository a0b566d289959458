/**
 * Reads a request's form (urlencoded or multipart). A body that is not a readable form (JSON
 * sent to /login, a truncated or malformed multipart body) is the client's mistake: 400, not
 * a 500 that would be logged as our error.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch (error) {
    if (request.signal.aborted) throw error
    throw new Response('Bad request: the body is not a readable form.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}
