/**
 * Text safe for logs, audit entries and the screen: user names and passwords in URLs are
 * replaced, and any of the given secrets (a bearer token, an MQTT password) is masked wherever it
 * appears — an error message may quote a header or a URL.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
  for (const secret of secrets) {
    if (secret && secret.length >= 1) out = out.split(secret).join('***');
  }
  return out;
}
