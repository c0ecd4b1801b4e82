import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { RecordsModule } from '../records/records.module.js';
import { NationalListConsumer } from './national-list.consumer.js';

@Module({ imports: [AuthoritiesModule, RecordsModule], controllers: [NationalListConsumer] })
export class NationalFeedModule {}
