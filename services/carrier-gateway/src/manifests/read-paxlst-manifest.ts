import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingManifest } from './submission.js';

/** PAXLST arrives with the EDIFACT reader (libs/edifact); until then the gateway says so precisely. */
export function readPaxlstManifest(
  _raw: Buffer,
  contentType: string,
  _maxTravellers: number,
): IncomingManifest {
  throw new UnsupportedMediaTypeException(`"${contentType}" (PAXLST) is not read yet; send application/json`);
}
