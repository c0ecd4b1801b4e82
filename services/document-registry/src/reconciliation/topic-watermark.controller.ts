import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepublishService, type TopicWatermark } from './republish.service.js';

/**
 * The registry topic's watermark, for screening's readiness (ADR 0012). Offsets and a flag only — no
 * document — so it needs no credential, like the health probes.
 */
@ApiTags('reconciliation')
@Controller('v1/topic-watermark')
export class TopicWatermarkController {
  constructor(private readonly republishes: RepublishService) {}

  @Get()
  @ApiOperation({
    summary:
      'Where the registry topic’s partitions end after the relay’s last acknowledged round, and whether the topic holds the whole registry',
  })
  watermark(): Promise<TopicWatermark> {
    return this.republishes.watermark();
  }
}
