import { Global, Injectable, Module } from '@nestjs/common';

/** Lets the readiness probe see the Kafka transport that main.ts attaches after the module graph exists. */
@Injectable()
export class ConsumerHandle {
  private probe: () => boolean = () => false;

  attach(isRunning: () => boolean): void {
    this.probe = isRunning;
  }

  isRunning(): boolean {
    return this.probe();
  }
}

@Global()
@Module({ providers: [ConsumerHandle], exports: [ConsumerHandle] })
export class ConsumerHandleModule {}
