import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { LookupsController } from './lookups.controller.js';
import { RecordsController } from './records.controller.js';
import { RecordsMetrics } from './records.metrics.js';
import { RecordsService } from './records.service.js';
import { SeriesController } from './series.controller.js';

@Module({
  imports: [AuthoritiesModule],
  controllers: [RecordsController, SeriesController, LookupsController],
  providers: [RecordsService, RecordsMetrics, AdminTokenGuard],
  exports: [RecordsService],
})
export class RecordsModule {}
