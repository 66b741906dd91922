import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ExamBoardEntity, InstitutionEntity, OfferingEntity, ProgrammeEntity } from '@lr/database';
import { CreditUnit, NotFoundError, OfferingStatus, Sector, offeringStatus } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore } from '../writer/request-store';

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

/** Beyond this many matches the catalogue says 'more than' instead of counting on: refine the search. */
export const COUNT_CAP = 1000;

export type OfferingView = Omit<
  OfferingEntity,
  'institution' | 'enrolledCount' | 'version' | 'closedAt'
> & {
  placesLeft: number;
  institutionName: string;
  sector: Sector;
  status: OfferingStatus;
};

/**
 * An exam board as the catalogue shows it, to everyone signed in. Not its chair: that person id is there to tell
 * the chair when the board lets its decision term pass, and is nobody else's to read.
 */
export type CatalogueExamBoard = Pick<
  ExamBoardEntity,
  'institutionCode' | 'code' | 'name' | 'decisionTermDays'
>;

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

  async institution(
    code: string,
  ): Promise<
    InstitutionEntity & { programmes: ProgrammeEntity[]; examBoards: CatalogueExamBoard[] }
  > {
    const em = this.store.dataSource.manager;
    const institution = await em.findOneBy(InstitutionEntity, { code });
    if (!institution) throw new NotFoundError('institution', code);
    const [programmes, examBoards] = await Promise.all([
      em.find(ProgrammeEntity, { where: { institutionCode: code }, order: { code: 'ASC' } }),
      em.find(ExamBoardEntity, {
        select: {
          institutionCode: true,
          code: true,
          name: true,
          decisionTermDays: true,
        } satisfies Record<keyof CatalogueExamBoard, true>,
        where: { institutionCode: code },
        order: { code: 'ASC' },
      }),
    ]);
    return { ...institution, programmes, examBoards };
  }

  /** Open offerings only: a closed one can no longer be requested. */
  async offerings(filter: OfferingFilter): Promise<Page<OfferingView> & { totalCapped: boolean }> {
    const em = this.store.dataSource.manager;
    // Offerings alone, so that a page and its count read one table; the few institutions are looked up apart.
    const qb = searching(openOfferings(em), filter.q);
    if (filter.institution)
      qb.andWhere('o.institution_code = :institution', { institution: filter.institution });
    if (filter.sector) {
      qb.andWhere('o.institution_code IN (SELECT code FROM institutions WHERE sector = :sector)', {
        sector: filter.sector,
      });
    }
    if (filter.period)
      qb.andWhere('o.period ILIKE :period', { period: `%${escapeLike(filter.period)}%` });
    if (filter.language) qb.andWhere('o.language = :language', { language: filter.language });
    if (filter.creditUnit) qb.andWhere('o.credit_unit = :unit', { unit: filter.creditUnit });
    if (filter.minCredits !== undefined)
      qb.andWhere('o.credits >= :min', { min: filter.minCredits });
    if (filter.maxCredits !== undefined)
      qb.andWhere('o.credits <= :max', { max: filter.maxCredits });
    // A broad word can match thousands of offerings: counting stops past COUNT_CAP instead of reading them all.
    const [countSql, countParameters] = qb
      .clone()
      .select('1')
      .limit(COUNT_CAP + 1)
      .getQueryAndParameters();
    const [rows, [{ n }], institutions] = await Promise.all([
      qb
        .orderBy('o.institutionCode', 'ASC')
        .addOrderBy('o.code', 'ASC')
        .skip(offsetOf(filter))
        .take(filter.pageSize)
        .getMany(),
      em.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (${countSql}) matching`,
        countParameters,
      ),
      em.find(InstitutionEntity),
    ]);
    const items = rows.map((o) =>
      toOfferingView(
        o,
        institutions.find((i) => i.code === o.institutionCode)!,
      ),
    );
    return {
      items,
      total: Math.min(n, COUNT_CAP),
      totalCapped: n > COUNT_CAP,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** Closed ones too: the requests made for it still name it. */
  async offering(id: string): Promise<OfferingView> {
    const offering = await this.store.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      relations: { institution: true },
    });
    if (!offering) throw new NotFoundError('offering', id);
    return toOfferingView(offering, offering.institution!);
  }
}

function toOfferingView(
  { institution: _i, enrolledCount, version: _v, closedAt, ...offering }: OfferingEntity,
  institution: InstitutionEntity,
): OfferingView {
  return {
    ...offering,
    placesLeft: offering.capacity - enrolledCount,
    institutionName: institution.name,
    sector: institution.sector,
    status: offeringStatus({ closedAt }),
  };
}

/** The offerings in the catalogue, as `o`: open ones only, as a closed one can no longer be requested. */
export function openOfferings(em: EntityManager): SelectQueryBuilder<OfferingEntity> {
  return em.createQueryBuilder(OfferingEntity, 'o').where('o.closed_at IS NULL');
}

/** Narrowed to the offerings whose title, code or description hold every word of `q` (searchWords). */
export function searching(
  qb: SelectQueryBuilder<OfferingEntity>,
  q: string | undefined,
): SelectQueryBuilder<OfferingEntity> {
  const words = q ? searchWords(q) : '';
  // The same expression as the full-text index ix_offerings_search (see the migration), so it is used.
  return words
    ? qb.andWhere(
        `to_tsvector('simple', o.title || ' ' || o.code || ' ' || o.description) @@ to_tsquery('simple', :words)`,
        { words },
      )
    : qb;
}

/**
 * Every word of the search as a prefix, all required: 'mach learn' finds Machine Learning, 'ds-ml' the unit
 * DS-ML. Only letters and digits reach to_tsquery, so no input can be a syntax error there.
 */
export function searchWords(q: string): string {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => `${word}:*`)
    .join(' & ');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
