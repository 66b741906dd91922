import { Injectable } from '@nestjs/common';
import { ExamBoardEntity, InstitutionEntity, OfferingEntity, ProgrammeEntity } from '@lr/database';
import { CreditUnit, NotFoundError, Sector } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore } from './request-store';

export interface OfferingFilter extends PageQuery {
  q?: string;
  institution?: string;
  sector?: Sector;
  period?: string;
  language?: string;
  creditUnit?: CreditUnit;
  minCredits?: number;
  maxCredits?: number;
}

export type OfferingView = Omit<OfferingEntity, 'institution' | 'enrolledCount'> & {
  placesLeft: number;
  institutionName: string;
  sector: Sector;
};

/** What partner institutions offer: searchable by everyone signed in. */
@Injectable()
export class CatalogueQuery {
  constructor(private readonly store: RequestStore) {}

  async institutions(query: PageQuery & { sector?: Sector }): Promise<Page<InstitutionEntity>> {
    const [items, total] = await this.store.dataSource.manager.findAndCount(InstitutionEntity, {
      where: query.sector ? { sector: query.sector } : {},
      order: { code: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async institution(code: string) {
    const em = this.store.dataSource.manager;
    const institution = await em.findOneBy(InstitutionEntity, { code });
    if (!institution) throw new NotFoundError('institution', code);
    const [programmes, examBoards] = await Promise.all([
      em.find(ProgrammeEntity, { where: { institutionCode: code }, order: { code: 'ASC' } }),
      em.find(ExamBoardEntity, { where: { institutionCode: code }, order: { code: 'ASC' } }),
    ]);
    return { ...institution, programmes, examBoards };
  }

  async offerings(filter: OfferingFilter): Promise<Page<OfferingView>> {
    const qb = this.store.dataSource.manager
      .createQueryBuilder(OfferingEntity, 'o')
      .innerJoinAndSelect('o.institution', 'i');
    if (filter.q)
      qb.andWhere('(o.title ILIKE :q OR o.description ILIKE :q OR o.code ILIKE :q)', {
        q: `%${escapeLike(filter.q)}%`,
      });
    if (filter.institution)
      qb.andWhere('o.institution_code = :institution', { institution: filter.institution });
    if (filter.sector) qb.andWhere('i.sector = :sector', { sector: filter.sector });
    if (filter.period)
      qb.andWhere('o.period ILIKE :period', { period: `%${escapeLike(filter.period)}%` });
    if (filter.language) qb.andWhere('o.language = :language', { language: filter.language });
    if (filter.creditUnit) qb.andWhere('o.credit_unit = :unit', { unit: filter.creditUnit });
    if (filter.minCredits !== undefined)
      qb.andWhere('o.credits >= :min', { min: filter.minCredits });
    if (filter.maxCredits !== undefined)
      qb.andWhere('o.credits <= :max', { max: filter.maxCredits });
    const [rows, total] = await qb
      .orderBy('o.institutionCode', 'ASC')
      .addOrderBy('o.code', 'ASC')
      .skip(offsetOf(filter))
      .take(filter.pageSize)
      .getManyAndCount();
    return { items: rows.map(toOfferingView), total, page: filter.page, pageSize: filter.pageSize };
  }

  async offering(id: string): Promise<OfferingView> {
    const offering = await this.store.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      relations: { institution: true },
    });
    if (!offering) throw new NotFoundError('offering', id);
    return toOfferingView(offering);
  }
}

function toOfferingView({ institution, enrolledCount, ...offering }: OfferingEntity): OfferingView {
  return {
    ...offering,
    placesLeft: offering.capacity - enrolledCount,
    institutionName: institution!.name,
    sector: institution!.sector,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
