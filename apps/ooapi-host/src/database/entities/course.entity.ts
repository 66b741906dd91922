import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A course in the institution's catalogue (OOAPI Course). */
@Entity({ name: 'courses' })
export class CourseEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The institution's own course code (OOAPI primaryCode). */
  @Column('text', { unique: true })
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  abbreviation: string;

  @Column('text')
  description: string;

  /** ISO 639-2 (OOAPI teachingLanguage): 'eng', 'nld'. */
  @Column('char', { name: 'teaching_language', length: 3 })
  teachingLanguage: string;

  /** OOAPI level: 'bachelor', 'master'. */
  @Column('text')
  level: string;

  /** Credits in EC (OOAPI studyLoad, unit ects). */
  @Column('numeric', {
    name: 'study_load_ec',
    precision: 5,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  studyLoadEc: number;
}
