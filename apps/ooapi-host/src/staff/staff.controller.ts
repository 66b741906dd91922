import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AdmissionsService } from '../admissions/admissions.service';
import { ADMISSION_ACTIONS, AdmissionAction } from '../admissions/association-states';
import { OfferingChangesService } from '../catalogue/offering-changes.service';
import { AssociationEntity } from '../database/entities';
import { HostError, statusOf } from '../host.errors';
import { AssociationView, OfferingView, detailPage, listPage, offeringPage } from './staff-pages';
import { StaffGuard } from './staff.guard';

/** Who the records name for changes made on the staff screen. */
const STAFF = 'staff';

/** What the redirect after an action tells the next page. */
const DONE: Record<string, string> = {
  admit: 'Admitted; the caller will be told.',
  deny: 'Denied; the caller will be told.',
  queue: 'Put on the waiting list; the caller will be told.',
  cancel: 'Canceled; the caller will be told.',
  result: 'Result recorded; the caller will be told.',
};

/**
 * The admissions office's and registrar's screen: the requests, and per request its decisions and results; and
 * the offerings, each with what staff may change of it.
 */
@Controller('staff')
@UseGuards(StaffGuard)
export class StaffController {
  constructor(
    private readonly admissions: AdmissionsService,
    private readonly offerings: OfferingChangesService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(): Promise<string> {
    const associations = await this.admissions.list();
    const rows = await Promise.all(
      associations.map(async (association) => ({
        association,
        result: await this.admissions.currentResult(association.id),
        callback: await this.admissions.callbackStatus(association.id),
      })),
    );
    const offerings = await this.offerings.list();
    const count = await this.enrolled();
    return listPage(
      rows,
      offerings.map((offering) => ({ offering, enrolled: count.get(offering.id) ?? 0 })),
    );
  }

  @Get('offerings/:id')
  @Header('content-type', 'text/html; charset=utf-8')
  async offering(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const notice = done ? { kind: 'status' as const, text: 'Saved.' } : undefined;
    return offeringPage(await this.offeringView(id, notice));
  }

  @Post('offerings/:id')
  async changeOffering(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    await this.act(
      res,
      `/staff/offerings/${id}?done=saved`,
      async (alert) => offeringPage(await this.offeringView(id, alert)),
      async () => {
        await this.offerings.change(id, {
          // Left empty, the places stay as they are.
          places: form.places ? Number(form.places) : undefined,
          description: form.description,
          enrolEndDate: form.enrolEndDate,
        });
      },
    );
  }

  @Get('associations/:id')
  @Header('content-type', 'text/html; charset=utf-8')
  async detail(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const text = done ? DONE[done] : undefined;
    return detailPage(await this.view(id, text ? { kind: 'status', text } : undefined));
  }

  @Post('associations/:id/decisions')
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const action = form.action as AdmissionAction;
    await this.act(res, this.done(id, action), this.associationPage(id), async () => {
      if (!ADMISSION_ACTIONS.includes(action)) {
        throw new HostError('INVALID', `There is no action '${form.action}'.`);
      }
      await this.admissions.decide(id, action, STAFF, form.reason);
    });
  }

  @Post('associations/:id/results')
  async result(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    await this.act(res, this.done(id, 'result'), this.associationPage(id), async () => {
      if (form.pass !== 'passed' && form.pass !== 'failed') {
        throw new HostError('INVALID', 'Say whether the student passed.');
      }
      await this.admissions.recordResult(
        id,
        {
          score: Number(form.score),
          pass: form.pass === 'passed',
          resultDate: form.resultDate ?? '',
          final: form.final === 'yes',
        },
        STAFF,
      );
    });
  }

  /**
   * Does it and redirects to `location` (303, so a reload does not post again), or shows the page with why not.
   */
  private async act(
    res: Response,
    location: string,
    page: (alert: { kind: 'alert'; text: string }) => Promise<string>,
    change: () => Promise<void>,
  ): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof HostError) || error.code === 'NOT_FOUND') throw error;
      res
        .status(statusOf(error))
        .type('html')
        .send(await page({ kind: 'alert', text: error.message }));
      return;
    }
    res.redirect(303, location);
  }

  private done(id: string, done: string): string {
    return `/staff/associations/${id}?done=${done}`;
  }

  private associationPage(id: string) {
    return async (alert: { kind: 'alert'; text: string }) => detailPage(await this.view(id, alert));
  }

  private async offeringView(id: string, notice: OfferingView['notice']): Promise<OfferingView> {
    const offering = await this.offerings.find(id);
    if (!offering) throw new HostError('NOT_FOUND', `There is no offering ${id}.`);
    return { offering, enrolled: (await this.enrolled()).get(id) ?? 0, notice };
  }

  /** Students enrolled per offering. */
  private async enrolled(): Promise<Map<string, number>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(AssociationEntity, 'a')
      .select('a.offering_id', 'offeringId')
      .addSelect('count(*)', 'count')
      .where(`a.state = 'associated'`)
      .groupBy('a.offering_id')
      .getRawMany<{ offeringId: string; count: string }>();
    return new Map(rows.map((row) => [row.offeringId, Number(row.count)]));
  }

  private async view(id: string, notice: AssociationView['notice']): Promise<AssociationView> {
    const association = await this.admissions.find(id);
    return {
      association,
      result: await this.admissions.currentResult(id),
      history: await this.admissions.results(id),
      callback: await this.admissions.callbackStatus(id),
      notice,
    };
  }
}
