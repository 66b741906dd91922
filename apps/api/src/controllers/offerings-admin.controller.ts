import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { OfferingsAdminUseCase } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { Action } from '../http/authorization.guard';
import { ChangeOfferingDto, CreateOfferingDto, OfferingVersionDto } from '../dto/offering.dto';
import { PageQueryDto } from '../dto/page-query.dto';
import { ManagedOfferingDto, ManagedOfferingPageDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';

/** An institution's admins keep its catalogue: their own offerings, closed ones included. */
@ApiTags('admin')
@Controller('admin/offerings')
export class OfferingsAdminController {
  constructor(private readonly offerings: OfferingsAdminUseCase) {}

  @Get()
  @Action('offering.list')
  @ApiOperation({
    summary: "Admin: my institution's offerings, closed ones included, with the places taken",
  })
  @ApiOkResponse({ type: ManagedOfferingPageDto })
  @ApiProtected(400, 403)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<ManagedOfferingPageDto> {
    return this.offerings.list(actor, query);
  }

  @Post()
  @Action('offering.write')
  @ApiOperation({
    summary: "Admin: add an offering to my institution's catalogue, open for requests at once",
  })
  @ApiCreatedResponse({ type: ManagedOfferingDto })
  @ApiProtected(400, 403, 409)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOfferingDto,
  ): Promise<ManagedOfferingDto> {
    return this.offerings.create(actor, { ...body, prerequisites: body.prerequisites ?? [] });
  }

  @Patch(':id')
  @Action('offering.write')
  @ApiOperation({
    summary:
      'Admin: change the title, description, capacity (not below the places taken) or enrolment deadline ' +
      '(not in the past) of an offering of my institution',
  })
  @ApiOkResponse({ type: ManagedOfferingDto })
  @ApiProtected(400, 403, 404, 409)
  change(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() { expectedVersion, ...changes }: ChangeOfferingDto,
  ): Promise<ManagedOfferingDto> {
    return this.offerings.change(actor, id, changes, expectedVersion);
  }

  @Post(':id/close')
  @Action('offering.write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Admin: close an offering of my institution: out of the catalogue, no new requests; requests made ' +
      'for it go on, and it is never deleted',
  })
  @ApiOkResponse({ type: ManagedOfferingDto })
  @ApiProtected(400, 403, 404, 409)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: OfferingVersionDto,
  ): Promise<ManagedOfferingDto> {
    return this.offerings.close(actor, id, body.expectedVersion);
  }

  @Post(':id/reopen')
  @Action('offering.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admin: put a closed offering of my institution back in the catalogue' })
  @ApiOkResponse({ type: ManagedOfferingDto })
  @ApiProtected(400, 403, 404, 409)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: OfferingVersionDto,
  ): Promise<ManagedOfferingDto> {
    return this.offerings.reopen(actor, id, body.expectedVersion);
  }
}
