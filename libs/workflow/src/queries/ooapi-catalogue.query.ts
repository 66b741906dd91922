import { Inject, Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { OfferingEntity } from '@lr/database';
import { NotFoundError, OFFERING_LANGUAGES } from '@lr/domain';
import { InstitutionDefinition, InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { openOfferings, searching } from './catalogue.query';
import {
  CatalogueInstitution,
  Expansions,
  OoapiCourse,
  OoapiCourseOffering,
  OoapiLevel,
  OoapiPage,
  OoapiService,
  TEACHING_LANGUAGES,
  levelOf,
  toOoapiCourse,
  toOoapiCourseOffering,
} from '../shared/ooapi-catalogue.mapping';
import { COURSE_IDS, OFFERING_IDS, ooapiIdOrder } from '../shared/ooapi-ids';
import { RequestStore } from '../writer/request-store';

/** Where the standard Leerroutes serves is published: OOAPI 5.0, as libs/ooapi/spec holds it. */
export const OOAPI_V5_SPECIFICATION =
  'https://raw.githubusercontent.com/open-education-api/specification/release/5.0/v5/ooapi.json';

export interface OoapiPageQuery {
  pageSize: number;
  pageNumber: number;
}

export type OoapiCourseSort = 'name' | '-name' | 'courseId' | '-courseId';

export interface OoapiCourseFilter extends OoapiPageQuery {
  q?: string;
  primaryCode?: string;
  /** ISO 639-2, as the standard has it (nld, eng). */
  teachingLanguage?: string;
  level?: OoapiLevel;
  sort?: OoapiCourseSort[];
}

export interface OoapiOfferingFilter extends OoapiPageQuery {
  q?: string;
  teachingLanguage?: string;
  resultExpected?: boolean;
  /** yyyy-mm-dd: offerings that start on it or later. */
  since?: string;
  /** yyyy-mm-dd: offerings that end on it or earlier. */
  until?: string;
}

/**
 * The catalogue of the institutions that work in Leerroutes, as an OOAPI v5 provider: every open offering is a
 * course with one offering (see ooapi-catalogue.mapping.ts). Public: other platforms read it with no one signed
 * in. A closed offering is not in it, neither listed nor by id.
 */
@Injectable()
export class OoapiCatalogueQuery {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly hosts: OoapiHosts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  service(): OoapiService {
    return {
      contactEmail: this.config.ooapiContactEmail,
      specification: OOAPI_V5_SPECIFICATION,
      documentation: this.config.ooapiDocumentationUrl,
    };
  }

  /** Ordered by name, as the standard's default is, and then by id, so that pages do not overlap. */
  async courses(filter: OoapiCourseFilter): Promise<OoapiPage<OoapiCourse>> {
    const institutions = this.institutions().filter(
      (i) => filter.level === undefined || levelOf(i.sector) === filter.level,
    );
    const qb = this.inCatalogue(institutions, filter);
    if (filter.primaryCode !== undefined) {
      qb.andWhere('o.code = :primaryCode', { primaryCode: filter.primaryCode });
    }
    for (const sort of filter.sort ?? ['name']) {
      const descending = sort.startsWith('-');
      const by = sort.replace('-', '') === 'name' ? 'o.title' : ooapiIdOrder('o.id', COURSE_IDS);
      qb.addOrderBy(by, descending ? 'DESC' : 'ASC');
    }
    qb.addOrderBy('o.id', 'ASC');
    // One row more than the page: whether there is a next page, without counting every match.
    const rows = await qb
      .offset((filter.pageNumber - 1) * filter.pageSize)
      .limit(filter.pageSize + 1)
      .getMany();
    return pageOf(
      rows.slice(0, filter.pageSize).map((o) => toOoapiCourse(o, this.institutionOf(o))),
      filter,
      rows.length > filter.pageSize,
    );
  }

  async course(courseId: string, expand: Expansions = {}): Promise<OoapiCourse> {
    const offering = await this.find(COURSE_IDS.offeringOf(courseId));
    if (!offering) throw new NotFoundError('course', courseId);
    return toOoapiCourse(offering, this.institutionOf(offering), expand);
  }

  /** A course's one offering, where it passes the filter. */
  async courseOfferings(
    courseId: string,
    filter: OoapiOfferingFilter,
  ): Promise<OoapiPage<OoapiCourseOffering>> {
    const id = COURSE_IDS.offeringOf(courseId);
    if (!(await this.find(id))) throw new NotFoundError('course', courseId);
    const rows = await this.inCatalogue(this.institutions(), filter)
      .andWhere('o.id = :id', { id })
      .getMany();
    const offerings = rows
      .map((o) => toOoapiCourseOffering(o, this.institutionOf(o)))
      .filter(
        (o) =>
          (filter.resultExpected === undefined || filter.resultExpected === o.resultExpected) &&
          // yyyy-mm-dd compare as text.
          (filter.since === undefined || o.startDate >= filter.since) &&
          (filter.until === undefined || o.endDate <= filter.until),
      );
    const start = (filter.pageNumber - 1) * filter.pageSize;
    return pageOf(
      offerings.slice(start, start + filter.pageSize),
      filter,
      offerings.length > start + filter.pageSize,
    );
  }

  async offering(offeringId: string, expand: Expansions = {}): Promise<OoapiCourseOffering> {
    const offering = await this.find(OFFERING_IDS.offeringOf(offeringId));
    if (!offering) throw new NotFoundError('offering', offeringId);
    return toOoapiCourseOffering(offering, this.institutionOf(offering), expand);
  }

  /**
   * The institutions whose offerings Leerroutes publishes: those that work in Leerroutes itself. One whose own
   * system takes part over OOAPI publishes its catalogue there; the copy Leerroutes keeps of it to enrol
   * students is not Leerroutes' to pass on.
   */
  private institutions(): InstitutionDefinition[] {
    return this.registry.all().filter((institution) => !this.hosts.takesPart(institution.code));
  }

  private institutionOf(offering: OfferingEntity): CatalogueInstitution {
    return this.registry.get(offering.institutionCode);
  }

  /** The open offering with this id, if an institution whose catalogue Leerroutes publishes has it. */
  private async find(id: string): Promise<OfferingEntity | null> {
    const codes = this.institutions().map((i) => i.code);
    const offering = await openOfferings(this.store.dataSource.manager)
      .andWhere('o.id = :id', { id })
      .getOne();
    return offering && codes.includes(offering.institutionCode) ? offering : null;
  }

  /** The open offerings of these institutions that match the search and teaching language. */
  private inCatalogue(
    institutions: InstitutionDefinition[],
    filter: { q?: string; teachingLanguage?: string },
  ): SelectQueryBuilder<OfferingEntity> {
    const qb = searching(openOfferings(this.store.dataSource.manager), filter.q);
    // An empty IN () is no SQL: no institution, no offering.
    qb.andWhere(institutions.length > 0 ? 'o.institution_code IN (:...codes)' : 'false', {
      codes: institutions.map((i) => i.code),
    });
    if (filter.teachingLanguage !== undefined) {
      // A language Leerroutes has no offerings in (the standard allows any) finds none.
      const language = OFFERING_LANGUAGES.find(
        (l) => TEACHING_LANGUAGES[l] === filter.teachingLanguage,
      );
      qb.andWhere(language ? 'o.language = :language' : 'false', { language });
    }
    return qb;
  }
}

function pageOf<T>(items: T[], query: OoapiPageQuery, hasNextPage: boolean): OoapiPage<T> {
  return {
    pageSize: query.pageSize,
    pageNumber: query.pageNumber,
    hasPreviousPage: query.pageNumber > 1,
    hasNextPage,
    items,
  };
}
