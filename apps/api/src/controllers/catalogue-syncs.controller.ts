import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { CatalogueSyncsAdminUseCase } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { Action } from '../http/authorization.guard';
import {
  CatalogueSyncDto,
  CatalogueSyncPageDto,
  CatalogueSyncQueryDto,
  RequestCatalogueSyncDto,
} from '../dto/catalogue-sync.dto';
import { ApiProtected } from './api-docs.decorators';

/** Admins of an institution whose own system keeps its catalogue: its synchronisations, and one now. */
@ApiTags('admin')
@Controller('admin/catalogue-syncs')
export class CatalogueSyncsController {
  constructor(private readonly syncs: CatalogueSyncsAdminUseCase) {}

  @Get()
  @Action('catalogue-sync.list')
  @ApiOperation({
    summary:
      "Admin: the synchronisations of my institution's catalogue from its own system, newest first, with " +
      'what each did and could not do',
  })
  @ApiOkResponse({ type: CatalogueSyncPageDto })
  @ApiProtected(400, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CatalogueSyncQueryDto,
  ): Promise<CatalogueSyncPageDto> {
    return this.syncs.list(actor, query);
  }

  @Post()
  @Action('catalogue-sync.request')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Admin: synchronise my institution's catalogue from its own system now; the run is queued, and " +
      'GET /admin/catalogue-syncs shows how it goes. 400 for an institution without a system of its own',
  })
  @ApiAcceptedResponse({ type: CatalogueSyncDto, description: 'The run, queued' })
  @ApiProtected(400, 403, 404)
  request(
    @CurrentActor() actor: Actor,
    @Body() body: RequestCatalogueSyncDto,
  ): Promise<CatalogueSyncDto> {
    return this.syncs.request(actor, body.institutionCode);
  }
}
