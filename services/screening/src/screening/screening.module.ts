import { Module } from '@nestjs/common';
import { PassengerReportedConsumer } from './passenger-reported.consumer.js';
import { ScreeningService } from './screening.service.js';

@Module({ controllers: [PassengerReportedConsumer], providers: [ScreeningService] })
export class ScreeningModule {}
