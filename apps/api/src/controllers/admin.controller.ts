import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { DeliveryFailuresUseCase, RequestViewsQuery } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { PageQueryDto } from '../dto/page-query.dto';
import { EmptyBodyDto } from '../dto/request.dto';
import { DeliveryFailurePageDto, RequestViewDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';
import { Action } from '../http/authorization.guard';

@ApiTags('admin')
@Controller()
export class AdminController {
  constructor(
    private readonly failures: DeliveryFailuresUseCase,
    private readonly views: RequestViewsQuery,
  ) {}

  @Get('admin/delivery-failures')
  @Action('delivery-failure.list')
  @ApiOperation({
    summary: 'Admin: components whose job failed for good, at my institution as home or host',
  })
  @ApiOkResponse({ type: DeliveryFailurePageDto })
  @ApiProtected(400, 403)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<DeliveryFailurePageDto> {
    return this.failures.list(actor, query);
  }

  @Post('requests/:id/components/:componentId/redelivery')
  @Action('component.redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admin: send a component whose delivery failed again' })
  @ApiOkResponse({ type: RequestViewDto, description: 'The request as you now see it' })
  @ApiProtected(400, 403, 404, 409)
  async redeliver(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<RequestViewDto> {
    await this.failures.redeliver(actor, id, componentId);
    return this.views.get(actor, id);
  }
}
