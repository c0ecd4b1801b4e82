import { Module } from '@nestjs/common';
import { OutboxMetrics } from './outbox.metrics.js';
import { OutboxRelay } from './outbox.relay.js';

@Module({ providers: [OutboxRelay, OutboxMetrics], exports: [OutboxRelay] })
export class OutboxModule {}
