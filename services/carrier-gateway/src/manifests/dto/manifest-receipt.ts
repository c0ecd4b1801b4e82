import { ApiProperty } from '@nestjs/swagger';

export class AcceptedTraveller {
  @ApiProperty({ description: "The traveller's reference within the manifest" })
  travellerRef!: string;
  @ApiProperty({ description: 'Id of the PassengerReported event that carries this traveller' })
  eventId!: string;
}

export class RejectedTraveller {
  @ApiProperty()
  travellerRef!: string;
  @ApiProperty({ description: 'Why this traveller was not accepted' })
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
  @ApiProperty()
  message!: string;
  @ApiProperty({ enum: ['error', 'warning'] })
  severity!: 'error' | 'warning';
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
    description: 'Every defect found in the message, also where travellers were accepted',
  })
  defects!: ReceiptDefect[];
}
