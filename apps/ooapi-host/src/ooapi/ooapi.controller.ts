import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { AdmissionsService } from '../admissions/admissions.service';
import { AssociationState } from '../admissions/association-states';
import { HOST_CONFIG, HostConfig } from '../config/host-config';
import { HostError } from '../host.errors';
import { CatalogueService, Paging } from './catalogue.service';
import { callerOf } from './ooapi-gate.middleware';
import { associationAnswer, associationMessage } from './ooapi-representation';

/** What the gate has already checked against the standard; only what this system reads is named. */
interface AssociationWrite {
  remoteState: AssociationState;
  offering?: { offeringId?: string };
  person?: unknown;
  issuer?: Record<string, unknown>;
}

interface AssociationPatch {
  remoteState?: AssociationState;
  result?: unknown;
}

/**
 * The OOAPI v5 operations this institution serves (paths relative to /ooapi/v5). Behind OoapiGate: every
 * request here carries a valid token of client `leerroutes` and passed the standard.
 */
@Controller('ooapi/v5')
export class OoapiController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly admissions: AdmissionsService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  @Get('courses')
  courses(@Query() query: Record<string, string>): Promise<Record<string, unknown>> {
    return this.catalogue.courses(pagingOf(query));
  }

  @Get('courses/:courseId')
  course(@Param('courseId') courseId: string): Promise<Record<string, unknown>> {
    return this.catalogue.course(courseId);
  }

  @Get('courses/:courseId/offerings')
  offerings(
    @Param('courseId') courseId: string,
    @Query() query: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    return this.catalogue.offeringsOf(courseId, pagingOf(query));
  }

  @Get('offerings/:offeringId')
  offering(@Param('offeringId') offeringId: string): Promise<Record<string, unknown>> {
    return this.catalogue.offering(offeringId);
  }

  /** The caller enrols its student: pending for the admissions office, or queued when the offering is full. */
  @Post('associations/external/me')
  @HttpCode(201)
  async create(
    @Body() body: AssociationWrite,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const offeringId = body.offering?.offeringId;
    if (!offeringId) {
      throw new HostError('INVALID', 'The offering must name its offeringId at this institution.');
    }
    if (typeof body.person !== 'object' || body.person === null || Array.isArray(body.person)) {
      throw new HostError('INVALID', 'The person to enrol is missing (person, an OOAPI Person).');
    }
    const association = await this.admissions.create({
      offeringId,
      person: body.person as Record<string, unknown>,
      issuer: body.issuer,
      remoteState: body.remoteState,
      clientId: callerOf(res),
      callbackBase: this.config.leerroutesUrl,
    });
    return associationAnswer(association);
  }

  @Get('associations/:associationId')
  async association(
    @Param('associationId') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const association = await this.ownAssociation(id, callerOf(res));
    return associationMessage(
      association,
      association.offering!.course!,
      await this.admissions.currentResult(id),
    );
  }

  /** A merge patch of the caller's remoteState: 'canceled' withdraws the student. */
  @Patch('associations/:associationId')
  async patch(
    @Param('associationId') id: string,
    @Body() body: AssociationPatch,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    if (body.result !== undefined) {
      throw new HostError('INVALID', 'Results are recorded by this institution, not sent to it.');
    }
    const clientId = callerOf(res);
    const association = body.remoteState
      ? await this.admissions.applyRemoteState(id, clientId, body.remoteState)
      : await this.ownAssociation(id, clientId);
    return associationAnswer(association);
  }

  /** Another caller's association is as good as none. */
  private async ownAssociation(id: string, clientId: string) {
    const association = await this.admissions.find(id);
    if (association.createdBy !== clientId) {
      throw new HostError('NOT_FOUND', `There is no association ${id}.`);
    }
    return association;
  }
}

/** OOAPI paging: pageSize (10 unless given; the gate allows the standard's sizes only) and pageNumber from 1. */
function pagingOf(query: Record<string, string>): Paging {
  return { pageSize: Number(query.pageSize ?? 10), pageNumber: Number(query.pageNumber ?? 1) };
}
