/** What POST /v1/manifests reads: JSON, and UN/EDIFACT PAXLST as sent by airline systems. */
export const MANIFEST_MEDIA_TYPES: string[] = ['application/json', 'application/edifact', 'text/plain'];

export function mediaTypeOf(header: string | string[] | undefined): string {
  return ((typeof header === 'string' ? header : '').split(';')[0] ?? '').trim().toLowerCase();
}
