import { Module } from '@nestjs/common';
import { InteractiveScreeningController } from './interactive-screening.controller.js';
import { PassengerReportedConsumer } from './passenger-reported.consumer.js';
import { ScreeningService } from './screening.service.js';

@Module({
  controllers: [PassengerReportedConsumer, InteractiveScreeningController],
  providers: [ScreeningService],
})
export class ScreeningModule {}
