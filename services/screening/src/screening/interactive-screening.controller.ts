import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { fromBinary } from '@bufbuild/protobuf';
import { PassengerReportedSchema, ScreeningOutcome, type PassengerReported } from '@docscreen/contracts';
import { PermanentEventError } from '@docscreen/kafka';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';
import { ReferenceData } from '../reference-data/reference-data.js';
import { RegistryIndex } from '../registry-index/registry-index.js';
import type { Directive } from './boarding-directive.js';
import { InteractiveTokenGuard } from './interactive-token.guard.js';
import { overallOutcome } from './screening-completed.js';
import { ScreeningService } from './screening.service.js';

export interface InteractiveScreeningRequest {
  /** `PassengerReported` events, protobuf binary, base64: exactly what the gateway published. */
  events: string[];
}

export interface InteractiveScreening {
  passengerEventId: string;
  travellerRef: string;
  screeningId: string;
  outcome: 'CLEAR' | 'HIT' | 'INCONCLUSIVE' | 'ERROR';
  directive: Directive;
  reason: string;
}

/**
 * Interactive API (iAPI) behind the carrier gateway: screens the travellers of one check-in query now
 * and answers with the carrier's instruction. The same `ScreeningService.screen` as the Kafka
 * consumer, so the decision is stored and its events published exactly as for a batch traveller; the
 * gateway also publishes the events to Kafka, and whichever path comes second finds the stored
 * decision (same ids — ADR 0008) instead of deciding again.
 */
@ApiTags('interactive')
@ApiBearerAuth()
@Controller('v1/screenings')
@UseGuards(InteractiveTokenGuard)
export class InteractiveScreeningController {
  constructor(
    private readonly screening: ScreeningService,
    private readonly index: RegistryIndex,
    private readonly referenceData: ReferenceData,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Screen the travellers of one interactive (check-in) query now; for the carrier gateway',
  })
  @ApiResponse({ status: 200, description: '{ screenings: [...] } in the order of the events' })
  @ApiResponse({ status: 400, description: 'Not a list of PassengerReported events' })
  @ApiResponse({
    status: 503,
    description: 'The lost/stolen index is still being built, or the rules in force not read yet',
  })
  async screen(@Body() body: InteractiveScreeningRequest): Promise<{ screenings: InteractiveScreening[] }> {
    const events = decodeEvents(body, this.config.INTERACTIVE_MAX_TRAVELLERS);
    // Never against a half-built index: the gateway answers its safe default meanwhile.
    if (!this.index.isReady) {
      throw new ServiceUnavailableException(
        `the lost/stolen index is not ready: ${this.index.notReadyReason ?? 'still being built'}`,
      );
    }
    if (!this.referenceData.isLoaded) {
      throw new ServiceUnavailableException('the rules and visa matrix in force are not read yet');
    }
    let screened: Awaited<ReturnType<ScreeningService['screenAll']>>;
    try {
      screened = await this.screening.screenAll(
        events.map((message) => ({ message })),
        { markPublished: true },
      );
    } catch (error) {
      if (error instanceof PermanentEventError) throw new BadRequestException(error.message);
      throw error;
    }
    const screenings = screened.map(
      ({ decision, instruction }) =>
        ({
          passengerEventId: decision.passengerEventId,
          travellerRef: decision.travellerRef,
          screeningId: decision.id,
          outcome: ScreeningOutcome[overallOutcome(decision.checks)] as InteractiveScreening['outcome'],
          directive: instruction.directive,
          reason: instruction.reason,
        }) satisfies InteractiveScreening,
    );
    return { screenings };
  }
}

function decodeEvents(body: InteractiveScreeningRequest | undefined, max: number): PassengerReported[] {
  const encoded = body?.events;
  if (!Array.isArray(encoded) || encoded.length === 0 || !encoded.every((e) => typeof e === 'string')) {
    throw new BadRequestException('events: a non-empty array of base64 PassengerReported events is required');
  }
  if (encoded.length > max) {
    throw new BadRequestException(`events: at most ${max} travellers in one interactive request`);
  }
  return encoded.map((value, index) => {
    try {
      return fromBinary(PassengerReportedSchema, Buffer.from(value, 'base64'));
    } catch (error) {
      throw new BadRequestException(
        `events[${index}]: not a PassengerReported event (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  });
}
