/**
 * Leerroutes' catalogue as an OOAPI v5 provider: the answers, which carry only what these classes declare
 * (DeclaredFieldsInterceptor), and the query parameters of the standard's operations. The OOAPI document
 * (libs/ooapi/spec/ooapi-v5.json), not ours, describes these routes; each class mirrors one of its schemas, and
 * implements the shape the query builds, so that neither can drift from the other unnoticed.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import {
  MAX_PAGE,
  OOAPI_LEVELS,
  OoapiCourse,
  OoapiCourseOffering,
  OoapiCourseSort,
  OoapiIdentifier,
  OoapiLevel,
  OoapiOrganization,
  OoapiPage,
  OoapiService,
  OoapiStudyLoad,
  OoapiText,
} from '@lr/workflow';
import { IsCalendarDate, fromBooleanText } from './field-rules';
import { NumberField, fromDecimalText } from './number-field';

export class OoapiTextDto implements OoapiText {
  @ApiProperty({ example: 'nl-NL' }) language: string;
  @ApiProperty() value: string;
}

export class OoapiIdentifierDto implements OoapiIdentifier {
  @ApiProperty() codeType: string;
  @ApiProperty() code: string;
}

export class OoapiStudyLoadDto implements OoapiStudyLoad {
  @ApiProperty({ enum: ['ects', 'sbu'] }) studyLoadUnit: 'ects' | 'sbu';
  @ApiProperty() value: number;
}

export class OoapiOrganizationDto implements OoapiOrganization {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ type: OoapiIdentifierDto }) primaryCode: OoapiIdentifierDto;
  @ApiProperty({ enum: ['root'] }) organizationType: 'root';
  @ApiProperty({ type: [OoapiTextDto] }) name: OoapiTextDto[];
  @ApiProperty() shortName: string;
}

export class OoapiCourseDto implements OoapiCourse {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ type: OoapiIdentifierDto }) primaryCode: OoapiIdentifierDto;
  @ApiProperty({ type: [OoapiTextDto] }) name: OoapiTextDto[];
  @ApiProperty() abbreviation: string;
  @ApiProperty({ type: [OoapiTextDto] }) description: OoapiTextDto[];
  @ApiProperty({ example: 'nld' }) teachingLanguage: string;
  @ApiProperty({ enum: OOAPI_LEVELS }) level: OoapiLevel;
  @ApiProperty({ type: OoapiStudyLoadDto }) studyLoad: OoapiStudyLoadDto;
  @ApiProperty({
    type: () => OoapiOrganizationDto,
    description: 'Its id (a uuid), or the organization itself with expand=organization',
  })
  organization: string | OoapiOrganizationDto;
}

/** The standard's Cost. Leerroutes lists no prices (priceInformation is always empty); declared all the same. */
export class OoapiCostDto {
  @ApiProperty() costType: string;
  @ApiPropertyOptional() amount?: string;
}

export class OoapiCourseOfferingDto implements OoapiCourseOffering {
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty({ type: OoapiIdentifierDto }) primaryCode: OoapiIdentifierDto;
  @ApiProperty({ enum: ['course'] }) offeringType: 'course';
  @ApiProperty({ type: [OoapiTextDto] }) name: OoapiTextDto[];
  @ApiProperty() abbreviation: string;
  @ApiProperty({ type: [OoapiTextDto] }) description: OoapiTextDto[];
  @ApiProperty({ example: 'eng' }) teachingLanguage: string;
  @ApiProperty({ enum: [true] }) resultExpected: true;
  @ApiPropertyOptional({ enum: ['1-10', 'pass-or-fail'] }) resultValueType?:
    '1-10' | 'pass-or-fail';
  @ApiProperty() maxNumberStudents: number;
  @ApiProperty() enrolledNumberStudents: number;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ format: 'date' }) enrollEndDate: string;
  @ApiProperty({ type: [OoapiCostDto] }) priceInformation: never[];
  @ApiProperty({
    type: () => OoapiCourseDto,
    description: 'Its id (a uuid), or the course itself with expand=course',
  })
  course: string | OoapiCourseDto;
  @ApiProperty({
    type: () => OoapiOrganizationDto,
    description: 'Its id (a uuid), or the organization itself with expand=organization',
  })
  organization: string | OoapiOrganizationDto;
}

/** The standard's Pagination. */
class OoapiPaginationDto {
  @ApiProperty() pageSize: number;
  @ApiProperty() pageNumber: number;
  @ApiProperty() hasPreviousPage: boolean;
  @ApiProperty() hasNextPage: boolean;
}

export class OoapiCoursePageDto extends OoapiPaginationDto implements OoapiPage<OoapiCourse> {
  @ApiProperty({ type: [OoapiCourseDto] }) items: OoapiCourseDto[];
}

export class OoapiCourseOfferingPageDto
  extends OoapiPaginationDto
  implements OoapiPage<OoapiCourseOffering>
{
  @ApiProperty({ type: [OoapiCourseOfferingDto] }) items: OoapiCourseOfferingDto[];
}

export class OoapiServiceDto implements OoapiService {
  @ApiProperty({ format: 'email' }) contactEmail: string;
  @ApiProperty({ format: 'uri' }) specification: string;
  @ApiProperty({ format: 'uri' }) documentation: string;
}

/**
 * A list in one query parameter, comma-separated (the standard's `explode: false`): each item one of `values`.
 * The key given twice is refused, as the standard has no such form.
 */
function ListOf(values: readonly string[]): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',') : value === undefined ? value : [value],
    ),
    IsArray(),
    IsIn(values, { each: true }),
  );
}

/** A parameter of the standard that Leerroutes cannot answer: refused, rather than ignored into a wrong answer. */
function Unsupported(why: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ValidateBy({
      name: 'unsupported',
      validator: {
        validate: () => false,
        defaultMessage: () => `$property is not supported: ${why}`,
      },
    }),
  );
}

/** The standard's page sizes (parameter pageSize). */
const PAGE_SIZES = [10, 20, 50, 100, 250];

class OoapiPageQueryDto {
  @IsOptional()
  @Transform(fromDecimalText)
  @IsIn(PAGE_SIZES)
  pageSize: number = 10;

  @NumberField({ min: 1, max: MAX_PAGE, optional: true, fromQuery: true, default: 1 })
  pageNumber: number = 1;

  /** Entities meant for one consumer: Leerroutes has none of its own for any, so each gets the same. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  consumer?: string;
}

/** Search and filters that GET /courses and GET /courses/{courseId}/offerings share. */
class OoapiSearchQueryDto extends OoapiPageQueryDto {
  /** Words, or their beginnings, in the name, code or description (the catalogue's own search). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** ISO 639-2 (nld, eng). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{3}$/, { message: '$property must be three lower-case letters (ISO 639-2)' })
  teachingLanguage?: string;

  @Unsupported('Leerroutes does not record how an offering is delivered')
  modeOfDelivery?: never;
}

/** Query of GET /ooapi/v5/courses. */
export class OoapiCourseQueryDto extends OoapiSearchQueryDto {
  /** A course's code at its institution (two institutions may each have one). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  primaryCode?: string;

  @IsOptional()
  @IsIn(OOAPI_LEVELS)
  level?: OoapiLevel;

  @ListOf(['courseId', 'name', '-courseId', '-name'])
  sort?: OoapiCourseSort[];
}

/** Query of GET /ooapi/v5/courses/{courseId}/offerings. */
export class OoapiCourseOfferingQueryDto extends OoapiSearchQueryDto {
  @IsOptional()
  @Transform(fromBooleanText)
  @IsBoolean()
  resultExpected?: boolean;

  @IsOptional()
  @IsCalendarDate()
  since?: string;

  @IsOptional()
  @IsCalendarDate()
  until?: string;

  /** A course has one offering here: there is nothing to order, but the standard's values are taken. */
  @ListOf([
    'offeringId',
    'name',
    'startDate',
    'endDate',
    '-offeringId',
    '-name',
    '-startDate',
    '-endDate',
  ])
  sort?: string[];
}

/** Query of GET /ooapi/v5/courses/{courseId}. */
export class OoapiCourseDetailQueryDto {
  /** Only the organization can be expanded: Leerroutes publishes no programs, coordinators or specifications. */
  @ListOf(['programs', 'coordinators', 'organization', 'educationSpecification'])
  expand?: string[];

  /** Leerroutes keeps no timeline overrides: with or without, the answer is the same. */
  @IsOptional()
  @Transform(fromBooleanText)
  @IsBoolean()
  returnTimelineOverrides?: boolean;
}

/** Query of GET /ooapi/v5/offerings/{offeringId}. */
export class OoapiOfferingDetailQueryDto {
  /** The course and organization can be expanded; the others are not there to expand. */
  @ListOf([
    'program',
    'programOffering',
    'course',
    'courseOffering',
    'component',
    'organization',
    'academicSession',
  ])
  expand?: string[];
}
