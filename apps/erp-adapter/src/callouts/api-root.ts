/** Splits an API root (`http://erp:3101/api/v1`) into the client's origin and the prefix of every path. */
export function apiRoot(baseUrl: string): { origin: string; prefix: string } {
  const url = new URL(baseUrl);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}
