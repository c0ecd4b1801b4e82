/** What POST /v1/manifests reads: JSON, and UN/EDIFACT PAXLST as sent by airline systems. */
export const MANIFEST_MEDIA_TYPES: string[] = ['application/json', 'application/edifact', 'text/plain'];

export { mediaTypeOf } from '@docscreen/nest-platform';
