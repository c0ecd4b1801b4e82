import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { RecordsController } from './records.controller.js';
import { RecordsService } from './records.service.js';

@Module({ imports: [AuthoritiesModule], controllers: [RecordsController], providers: [RecordsService] })
export class RecordsModule {}
