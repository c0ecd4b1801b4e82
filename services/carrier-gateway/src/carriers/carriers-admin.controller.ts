import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CarriersService, type CarrierSummary, type IssuedCarrierKey } from './carriers.service.js';
import { RegisterCarrierSchema, type RegisterCarrier } from './dto/register-carrier.schema.js';

/** Operators register carriers and rotate their keys (`docscreen carriers …` calls this). */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/carriers')
@UseGuards(AdminTokenGuard)
export class CarriersAdminController {
  constructor(private readonly carriers: CarriersService) {}

  @Post()
  @ApiOperation({ summary: 'Register a carrier; answers its first API key, shown this once' })
  @ApiBody({ schema: z.toJSONSchema(RegisterCarrierSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 201, description: '{ carrierId, iataCode, apiKey }' })
  @ApiResponse({ status: 409, description: 'Already registered' })
  register(@Body({ schema: RegisterCarrierSchema }) input: RegisterCarrier): Promise<IssuedCarrierKey> {
    return this.carriers.register(input);
  }

  @Get()
  @ApiOperation({ summary: 'Every carrier with its active key prefixes (never the keys)' })
  list(): Promise<CarrierSummary[]> {
    return this.carriers.list();
  }

  @Post(':iataCode/keys')
  @ApiOperation({ summary: 'Issue a new API key and revoke the earlier ones' })
  @ApiResponse({ status: 404, description: 'No such carrier' })
  rotate(@Param('iataCode') iataCode: string): Promise<IssuedCarrierKey> {
    return this.carriers.rotateKey(iataCode);
  }
}
