import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { INBOXES, INBOX_ACTIONS, InboxKind, InboxQuery } from '@lr/workflow';
import type { Actor } from '@lr/domain';
import { CurrentActor } from '../http/auth.guard';
import { ActionByParam } from '../http/authorization.guard';
import { ValidationFailedException } from '../http/problem-details.filter';
import { InboxQueryDto } from '../dto/page-query.dto';
import { InboxPageDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';

const inboxEnum = Object.fromEntries(INBOXES.map((k) => [k, k]));

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxQuery) {}

  @Get(':kind')
  @ActionByParam('kind', INBOX_ACTIONS)
  @ApiOperation({
    summary:
      'What awaits me: exam-board (approval and recognition decisions), admissions (host), results (host registrar), registrations (home registrar)',
  })
  @ApiParam({ name: 'kind', enum: INBOXES })
  @ApiOkResponse({
    type: InboxPageDto,
    description: 'A page of components, earliest decision term first',
  })
  @ApiProtected(400, 403)
  list(
    @CurrentActor() actor: Actor,
    @Param(
      'kind',
      new ParseEnumPipe(inboxEnum, {
        exceptionFactory: () =>
          new ValidationFailedException([
            { field: 'kind', messages: [`must be one of ${INBOXES.join(', ')}`] },
          ]),
      }),
    )
    kind: InboxKind,
    @Query() query: InboxQueryDto,
  ): Promise<InboxPageDto> {
    return this.inbox.list(actor, kind, query);
  }
}
