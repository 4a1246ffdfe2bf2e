/** Store URIs are shown in logs, banners and the runtime config: never with a password. */

/** `postgresql://user:secret@db/mlflow` → `postgresql://user@db/mlflow`. */
export function withoutCredentials(uri: string): string {
  return uri.replace(
    /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/@]*)@/,
    (_match, scheme: string, userinfo: string) => {
      const user = userinfo.split(':')[0] ?? ''
      return user === '' ? scheme : `${scheme}${user}@`
    },
  )
}
