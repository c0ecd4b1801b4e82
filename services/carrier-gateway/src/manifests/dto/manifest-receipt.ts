import { ApiProperty } from '@nestjs/swagger';

export class AcceptedTraveller {
  @ApiProperty({ description: "The traveller's reference within the manifest" })
  travellerRef!: string;
  @ApiProperty({ description: 'Id of the PassengerReported event that carries this traveller' })
  eventId!: string;
}

export class RejectedTraveller {
  @ApiProperty({ description: "The traveller's reference within the manifest, or its position (1-based)" })
  travellerRef!: string;
  @ApiProperty({
    description:
      'Why this traveller was not accepted: its first five problems and how many more, at most 300 characters',
    maxLength: 300,
  })
  reason!: string;
}

export class ReceiptDefect {
  @ApiProperty({
    description: 'Position of the segment in the message (PAXLST), 1-based; 0 for the message as a whole',
  })
  segment!: number;
  @ApiProperty({ example: 'DOC' })
  tag!: string;
  @ApiProperty({ required: false, example: 'DOC 2' })
  element?: string;
  @ApiProperty({
    description:
      'What is wrong, at most 300 characters; never quotes a name, document number or birth date (travellers are ' +
      'named by position, documents by segment)',
    maxLength: 300,
  })
  message!: string;
  @ApiProperty({ enum: ['error', 'warning'] })
  severity!: 'error' | 'warning';
  @ApiProperty({
    description:
      'Stable kind of defect: a PAXLST defect code (`bad-date`, `missing-issuing-state`…), `over-limit`, ' +
      '`control-character`, or the JSON validation issue code (`invalid_format`, `too_big`…)',
    example: 'missing-issuing-state',
  })
  code!: string;
}

export class DefectSummary {
  @ApiProperty({ description: 'Every defect found in the message' })
  total!: number;
  @ApiProperty({ description: 'How many of them `defects` lists (the first ones)' })
  listed!: number;
  @ApiProperty({
    description: 'Every defect counted per code',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'unreadable-traveller': 1000, 'missing-value': 3000 },
  })
  byCode!: Record<string, number>;
}

/** What a carrier gets back: returned only after the broker acknowledged every accepted traveller. */
export class ManifestReceipt {
  @ApiProperty({ format: 'uuid' })
  submissionId!: string;
  @ApiProperty({ description: 'Echoes X-Correlation-Id, or a new one; quote it to the authority' })
  correlationId!: string;
  @ApiProperty({ example: 'XX123/2026-12-01' })
  flightKey!: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
  @ApiProperty({ type: [AcceptedTraveller] })
  accepted!: AcceptedTraveller[];
  @ApiProperty({ type: [RejectedTraveller] })
  rejected!: RejectedTraveller[];
  @ApiProperty({
    type: [ReceiptDefect],
    description:
      'The defects found in the message, also where travellers were accepted: every one, up to 100; beyond, ' +
      'the first 100, and `defectSummary` counts them all per code',
  })
  defects!: ReceiptDefect[];
  @ApiProperty({
    type: DefectSummary,
    required: false,
    description: 'Only when the message had more defects than `defects` lists',
  })
  defectSummary?: DefectSummary;
}
