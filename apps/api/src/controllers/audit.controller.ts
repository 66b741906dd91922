import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { AuditQuery } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { AuditQueryDto } from '../dto/page-query.dto';
import { AuditPageDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { Action } from '../http/authorization.guard';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQuery) {}

  @Get()
  @Action('audit.read')
  @ApiOperation({
    summary:
      'Exam boards and admins: who decided or changed what on submitted requests, when and why, in my scope (admins: from where, for their own people); newest first',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProtected(400, 403)
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(actor, query);
  }
}
