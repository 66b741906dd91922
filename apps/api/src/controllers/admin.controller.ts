import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { DeliveryFailuresUseCase, StudentRegisterUseCase } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { PageQueryDto } from '../dto/page-query.dto';
import { EmptyBodyDto } from '../dto/request.dto';
import {
  DecisionOutcomeDto,
  DeliveryFailurePageDto,
  RegisteredStudentDto,
} from '../dto/responses.dto';
import { StudentRegisterEntryDto } from '../dto/student-register.dto';
import { ApiProtected } from './api-docs.decorators';
import { ApiSubjectParam, ParseSubjectPipe } from './parse-subject.pipe';
import { ParseUuidPipe } from './parse-uuid.pipe';
import { Action } from '../http/authorization.guard';

@ApiTags('admin')
@Controller()
export class AdminController {
  constructor(
    private readonly failures: DeliveryFailuresUseCase,
    private readonly register: StudentRegisterUseCase,
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
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What sending it again changed' })
  @ApiProtected(400, 403, 404, 409)
  redeliver(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<DecisionOutcomeDto> {
    return this.failures.redeliver(actor, id, componentId);
  }

  @Get('admin/students/:subject')
  @Action('student-register.read')
  @ApiOperation({
    summary:
      "Admin: a student in my institution's student register (what its in-app system answers)",
  })
  @ApiSubjectParam('subject')
  @ApiOkResponse({ type: RegisteredStudentDto })
  @ApiProtected(400, 403, 404)
  student(
    @CurrentActor() actor: Actor,
    @Param('subject', ParseSubjectPipe) subject: string,
  ): Promise<RegisteredStudentDto> {
    return this.register.get(actor, subject);
  }

  @Put('admin/students/:subject')
  @Action('student-register.write')
  @ApiOperation({
    summary:
      "Admin: enter a student in my institution's student register, or correct what it holds of them. " +
      'Their next sign-in reads it; a student signed in already sees a change within one token lifetime',
  })
  @ApiSubjectParam('subject')
  @ApiOkResponse({
    type: RegisteredStudentDto,
    description: 'The student as the register now holds them',
  })
  @ApiProtected(400, 403, 409)
  registerStudent(
    @CurrentActor() actor: Actor,
    @Param('subject', ParseSubjectPipe) subject: string,
    @Body() body: StudentRegisterEntryDto,
  ): Promise<RegisteredStudentDto> {
    return this.register.put(actor, subject, body);
  }
}
