import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreditRecordQuery } from '@lr/workflow';
import type { Actor } from '@lr/domain';
import { CurrentActor } from '../http/auth.guard';
import { CreditRecordDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { Action } from '../http/authorization.guard';

@ApiTags('credit record')
@Controller('students')
export class CreditRecordsController {
  constructor(private readonly creditRecord: CreditRecordQuery) {}

  @Get(':studentId/credit-record')
  @Action('credit-record.read')
  @ApiOperation({
    summary:
      "A student's registered credits with totals (the student, or their institution's registrar)",
  })
  @ApiOkResponse({ type: CreditRecordDto })
  @ApiProtected(403, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('studentId') studentId: string,
  ): Promise<CreditRecordDto> {
    return this.creditRecord.get(actor, studentId);
  }
}
