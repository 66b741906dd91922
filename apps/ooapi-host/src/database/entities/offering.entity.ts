import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CourseEntity } from './course.entity';

/** One run of a course in a period (OOAPI CourseOffering). */
@Entity({ name: 'offerings' })
@Check('ck_offerings_places', 'places >= 0')
@Check('ck_offerings_dates', 'start_date <= end_date AND enrol_end_date <= end_date')
@Index('ix_offerings_course_start', ['courseId', 'startDate'])
export class OfferingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'course_id' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** The institution's own offering code (OOAPI primaryCode), e.g. EEM-DS101-2627-P3. */
  @Column('text', { unique: true })
  code: string;

  /** The period as the institution names it, e.g. '2026-2027 P3'. */
  @Column('text')
  period: string;

  @Column('date', { name: 'start_date' })
  startDate: string;

  @Column('date', { name: 'end_date' })
  endDate: string;

  @Column('date', { name: 'enrol_end_date' })
  enrolEndDate: string;

  /** OOAPI maxNumberStudents: beyond it new associations are queued. */
  @Column('int')
  places: number;

  @Column('char', { name: 'teaching_language', length: 3 })
  teachingLanguage: string;

  @Column('text')
  description: string;
}
