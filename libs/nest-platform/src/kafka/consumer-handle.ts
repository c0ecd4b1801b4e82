import { Global, Injectable, Module } from '@nestjs/common';

/** What the readiness probe asks of a consumer: why it is not consuming normally, if it is not. */
export interface ConsumerState {
  problem(): string | undefined;
}

/** Lets the readiness probe see the Kafka transport that main.ts attaches after the module graph exists. */
@Injectable()
export class ConsumerHandle implements ConsumerState {
  private source: ConsumerState = { problem: () => 'the event consumer has not started' };

  attach(source: ConsumerState): void {
    this.source = source;
  }

  problem(): string | undefined {
    return this.source.problem();
  }

  isRunning(): boolean {
    return this.problem() === undefined;
  }
}

@Global()
@Module({ providers: [ConsumerHandle], exports: [ConsumerHandle] })
export class ConsumerHandleModule {}
