import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { AuthoritiesAdminController } from './authorities-admin.controller.js';
import { AuthoritiesService } from './authorities.service.js';
import { AuthorityAuthGuard } from './authority-auth.guard.js';

@Module({
  controllers: [AuthoritiesAdminController],
  providers: [AuthoritiesService, AuthorityAuthGuard, AdminTokenGuard],
  exports: [AuthoritiesService, AuthorityAuthGuard],
})
export class AuthoritiesModule {}
