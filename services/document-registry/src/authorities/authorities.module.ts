import { Module } from '@nestjs/common';
import { AdminTokenGuard } from './admin-token.guard.js';
import { AuthoritiesAdminController } from './authorities-admin.controller.js';
import { AuthoritiesService } from './authorities.service.js';
import { AuthorityAuthGuard } from './authority-auth.guard.js';

@Module({
  controllers: [AuthoritiesAdminController],
  providers: [AuthoritiesService, AuthorityAuthGuard, AdminTokenGuard],
  exports: [AuthoritiesService, AuthorityAuthGuard],
})
export class AuthoritiesModule {}
