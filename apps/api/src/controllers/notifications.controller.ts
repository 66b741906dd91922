import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { NotificationsQuery } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { NotificationQueryDto } from '../dto/page-query.dto';
import { EmptyBodyDto } from '../dto/request.dto';
import { NotificationDto, NotificationPageDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';
import { Action } from '../http/authorization.guard';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsQuery) {}

  @Get()
  @Action('notification.list')
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProtected(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @Action('notification.mark-read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications as read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProtected(400, 404)
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
