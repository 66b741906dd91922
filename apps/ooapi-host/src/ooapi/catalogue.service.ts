import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { HostError } from '../host.errors';
import { AssociationEntity, CourseEntity, OfferingEntity } from '../database/entities';
import { OfferingCounts, courseMessage, offeringMessage, page } from './ooapi-representation';

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

/** The catalogue as OOAPI serves it: courses by name, a course's offerings by start date, paged. */
@Injectable()
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  async courses(paging: Paging): Promise<Record<string, unknown>> {
    const [courses, total] = await this.dataSource.manager.findAndCount(CourseEntity, {
      order: { name: 'ASC', id: 'ASC' },
      skip: (paging.pageNumber - 1) * paging.pageSize,
      take: paging.pageSize,
    });
    return page(courses.map(courseMessage), total, paging);
  }

  async course(id: string): Promise<Record<string, unknown>> {
    return courseMessage(await this.findCourse(id));
  }

  async offeringsOf(courseId: string, paging: Paging): Promise<Record<string, unknown>> {
    const course = await this.findCourse(courseId);
    const [offerings, total] = await this.dataSource.manager.findAndCount(OfferingEntity, {
      where: { courseId },
      order: { startDate: 'ASC', id: 'ASC' },
      skip: (paging.pageNumber - 1) * paging.pageSize,
      take: paging.pageSize,
    });
    const counts = await this.counts(offerings.map((o) => o.id));
    return page(
      offerings.map((o) => offeringMessage(o, course, counts.get(o.id) ?? NONE)),
      total,
      paging,
    );
  }

  async offering(id: string): Promise<Record<string, unknown>> {
    const offering = await this.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      relations: { course: true },
    });
    if (!offering) throw new HostError('NOT_FOUND', `There is no offering ${id}.`);
    const counts = await this.counts([id]);
    return offeringMessage(offering, offering.course!, counts.get(id) ?? NONE);
  }

  private async findCourse(id: string): Promise<CourseEntity> {
    const course = await this.dataSource.manager.findOne(CourseEntity, { where: { id } });
    if (!course) throw new HostError('NOT_FOUND', `There is no course ${id}.`);
    return course;
  }

  /** Students enrolled and pending per offering (OOAPI enrolledNumberStudents, pendingNumberStudents). */
  private async counts(offeringIds: string[]): Promise<Map<string, OfferingCounts>> {
    const counts = new Map<string, OfferingCounts>();
    if (offeringIds.length === 0) return counts;
    const rows = await this.dataSource.manager
      .createQueryBuilder(AssociationEntity, 'a')
      .select('a.offering_id', 'offeringId')
      .addSelect(`count(*) FILTER (WHERE a.state = 'associated')`, 'enrolled')
      .addSelect(`count(*) FILTER (WHERE a.state = 'pending')`, 'pending')
      .where({ offeringId: In(offeringIds) })
      .groupBy('a.offering_id')
      .getRawMany<{ offeringId: string; enrolled: string; pending: string }>();
    for (const row of rows) {
      counts.set(row.offeringId, { enrolled: Number(row.enrolled), pending: Number(row.pending) });
    }
    return counts;
  }
}

const NONE: OfferingCounts = { enrolled: 0, pending: 0 };
