import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CreateRequestUseCase,
  LodgeObjectionUseCase,
  DecideAdmissionUseCase,
  DecideApprovalUseCase,
  DecideRecognitionUseCase,
  RecordResultUseCase,
  RegisterCreditsUseCase,
  RequestViewsQuery,
  SubmitRequestUseCase,
  WithdrawUseCase,
} from '@lr/workflow';
import type { Actor } from '@lr/domain';
import { CurrentActor } from '../http/auth.guard';
import {
  AdmissionDecisionDto,
  ApprovalDecisionDto,
  ObjectionDto,
  RecognitionDecisionDto,
  ResultDto,
} from '../dto/decisions.dto';
import { PageQueryDto } from '../dto/page-query.dto';
import { CreateRequestDto, EmptyBodyDto, WithdrawDto } from '../dto/request.dto';
import {
  DecisionOutcomeDto,
  RegistrationOutcomeDto,
  RequestSummaryPageDto,
  RequestViewDto,
} from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';
import { Action } from '../http/authorization.guard';

const COMPONENT = 'requests/:id/components/:componentId';

/**
 * Requests and the decisions on their components. A new request answers with the request as its student sees
 * it; a decision answers with what it changed (the request's status and the components it moved, with their new
 * versions), not the whole view: reading that again cost more than the decision itself.
 */
@ApiTags('requests')
@Controller()
export class RequestsController {
  constructor(
    private readonly views: RequestViewsQuery,
    private readonly create: CreateRequestUseCase,
    private readonly submit: SubmitRequestUseCase,
    private readonly objection: LodgeObjectionUseCase,
    private readonly withdraw: WithdrawUseCase,
    private readonly approval: DecideApprovalUseCase,
    private readonly admission: DecideAdmissionUseCase,
    private readonly result: RecordResultUseCase,
    private readonly recognition: DecideRecognitionUseCase,
    private readonly registration: RegisterCreditsUseCase,
  ) {}

  @Post('requests')
  @Action('request.create')
  @ApiOperation({ summary: 'Student: compose a request (a draft) with one or more components' })
  @ApiCreatedResponse({ type: RequestViewDto, description: 'The new draft request' })
  @ApiProtected(400, 403, 404)
  async createRequest(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRequestDto,
  ): Promise<RequestViewDto> {
    const id = await this.create.execute(actor, body);
    return this.views.get(actor, id);
  }

  @Get('requests')
  @Action('request.list')
  @ApiOperation({ summary: 'Student: my requests, newest first' })
  @ApiOkResponse({ type: RequestSummaryPageDto })
  @ApiProtected(400, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<RequestSummaryPageDto> {
    return this.views.listOwn(actor, query);
  }

  @Get('requests/:id')
  @Action('request.read')
  @ApiOperation({
    summary: 'A request with its components, derived routes and one timeline across all parties',
  })
  @ApiOkResponse({ type: RequestViewDto })
  @ApiProtected(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
  ): Promise<RequestViewDto> {
    return this.views.get(actor, id);
  }

  @Post('requests/:id/submit')
  @Action('request.submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Student: submit the draft components to the home exam board' })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  submitRequest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<DecisionOutcomeDto> {
    return this.submit.execute(actor, id);
  }

  @Post('requests/:id/withdraw')
  @Action('request.withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Student: withdraw the whole request (only while no host has enrolled you)',
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  withdrawRequest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: WithdrawDto,
  ): Promise<DecisionOutcomeDto> {
    return this.withdraw.request(actor, id, body.reason);
  }

  @Post(`${COMPONENT}/withdraw`)
  @Action('component.withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Student: withdraw one component (only until the host has enrolled you)',
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  withdrawComponent(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: WithdrawDto,
  ): Promise<DecisionOutcomeDto> {
    return this.withdraw.component(actor, id, componentId, body.reason);
  }

  @Post(`${COMPONENT}/objection`)
  @Action('component.object')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Student: object to the exam board's rejection, within six weeks; the board reviews its decision",
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  lodgeObjection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: ObjectionDto,
  ): Promise<DecisionOutcomeDto> {
    return this.objection.execute(actor, id, componentId, body);
  }

  @Post(`${COMPONENT}/approval`)
  @Action('component.approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Home exam board: approve (with how it counts) or reject (with motivation) a component',
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  decideApproval(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: ApprovalDecisionDto,
  ): Promise<DecisionOutcomeDto> {
    return this.approval.execute(actor, id, componentId, body);
  }

  @Post(`${COMPONENT}/admission`)
  @Action('component.admit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Host admissions: admit (enrol), refuse (with reason) or put on the waiting list; capacity and deadline hold',
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  decideAdmission(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: AdmissionDecisionDto,
  ): Promise<DecisionOutcomeDto> {
    return this.admission.execute(actor, id, componentId, body);
  }

  @Post(`${COMPONENT}/result`)
  @Action('component.record-result')
  @HttpCode(200)
  @ApiOperation({
    summary: "Host registrar: record the result on the host's scale; a final result travels home",
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  recordResult(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: ResultDto,
  ): Promise<DecisionOutcomeDto> {
    return this.result.execute(actor, id, componentId, body);
  }

  @Post(`${COMPONENT}/recognition`)
  @Action('component.recognise')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Home exam board: recognise a deviating result (credits, placement) or refuse',
  })
  @ApiOkResponse({ type: DecisionOutcomeDto, description: 'What the decision changed' })
  @ApiProtected(400, 403, 404, 409)
  decideRecognition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() body: RecognitionDecisionDto,
  ): Promise<DecisionOutcomeDto> {
    return this.recognition.execute(actor, id, componentId, body);
  }

  @Post(`${COMPONENT}/registration`)
  @Action('component.register')
  @ApiOperation({
    summary:
      "Home registrar: register the recognised credits in the student's record, exactly once",
  })
  @ApiCreatedResponse({ type: RegistrationOutcomeDto, description: 'Registered now' })
  @ApiOkResponse({
    type: RegistrationOutcomeDto,
    description: 'Registered before: nothing changed (alreadyRegistered: true)',
  })
  @ApiProtected(400, 403, 404, 409)
  async register(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('componentId', ParseUuidPipe) componentId: string,
    @Body() _body: EmptyBodyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationOutcomeDto> {
    const outcome = await this.registration.execute(actor, id, componentId);
    response.status(outcome.alreadyRegistered ? 200 : 201);
    return {
      alreadyRegistered: outcome.alreadyRegistered,
      message: outcome.alreadyRegistered
        ? 'These credits were registered before; nothing changed.'
        : 'Credits registered.',
      entry: outcome.entry,
    };
  }
}
