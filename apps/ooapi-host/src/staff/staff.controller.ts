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
import { AssociationEntity, OfferingEntity } from '../database/entities';
import { HostError, statusOf } from '../host.errors';
import { AssociationView, detailPage, listPage } from './staff-pages';
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

/** The admissions office's and registrar's screen: the requests, and per request its decisions and results. */
@Controller('staff')
@UseGuards(StaffGuard)
export class StaffController {
  constructor(
    private readonly admissions: AdmissionsService,
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
    const offerings = await this.dataSource.manager.find(OfferingEntity, {
      relations: { course: true },
      order: { startDate: 'ASC', code: 'ASC' },
    });
    const enrolled = await this.dataSource.manager
      .createQueryBuilder(AssociationEntity, 'a')
      .select('a.offering_id', 'offeringId')
      .addSelect('count(*)', 'count')
      .where(`a.state = 'associated'`)
      .groupBy('a.offering_id')
      .getRawMany<{ offeringId: string; count: string }>();
    const count = new Map(enrolled.map((row) => [row.offeringId, Number(row.count)]));
    return listPage(
      rows,
      offerings.map((offering) => ({ offering, enrolled: count.get(offering.id) ?? 0 })),
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
    await this.act(id, res, action, async () => {
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
    await this.act(id, res, 'result', async () => {
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

  /** Does it and redirects to the page (303, so a reload does not post again), or shows the page with why not. */
  private async act(
    id: string,
    res: Response,
    done: string,
    change: () => Promise<void>,
  ): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof HostError) || error.code === 'NOT_FOUND') throw error;
      const page = detailPage(await this.view(id, { kind: 'alert', text: error.message }));
      res.status(statusOf(error)).type('html').send(page);
      return;
    }
    res.redirect(303, `/staff/associations/${id}?done=${done}`);
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
