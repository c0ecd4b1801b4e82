import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthoritiesService } from './authorities.service.js';
import { RegisterAuthoritySchema, type RegisterAuthority } from './dto/register-authority.schema.js';

/** Operators register the national authorities that report documents. */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/authorities')
@UseGuards(AdminTokenGuard)
export class AuthoritiesAdminController {
  constructor(private readonly authorities: AuthoritiesService) {}

  @Post()
  @ApiOperation({
    summary: 'Register an authority for one issuing state; answers its credential, shown this once',
  })
  @ApiBody({ schema: z.toJSONSchema(RegisterAuthoritySchema, { io: 'input' }) as object })
  @ApiResponse({ status: 201, description: '{ code, credential }' })
  @ApiResponse({ status: 409, description: 'Already registered' })
  register(
    @Body({ schema: RegisterAuthoritySchema }) input: RegisterAuthority,
  ): Promise<{ code: string; credential: string }> {
    return this.authorities.register(input);
  }

  @Get()
  @ApiOperation({ summary: 'Every authority and the state it speaks for' })
  list(): ReturnType<AuthoritiesService['list']> {
    return this.authorities.list();
  }
}
