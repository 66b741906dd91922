import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { OFFERING_CODE, OFFERING_LANGUAGES, isPeriod } from '@lr/domain';
import type { OfferingLanguage } from '@lr/domain';
import { IsCalendarDate, Omittable } from './field-rules';
import { MAX_CREDITS, MAX_VERSION, NumberField } from './number-field';

/** More places than any unit has: a lecture hall's worth many times over. */
const MAX_CAPACITY = 100_000;
const MAX_PREREQUISITES = 20;
const NOT_BLANK = /\S/;

function IsPeriod(): PropertyDecorator {
  return ValidateBy({
    name: 'isPeriod',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isPeriod(value),
      defaultMessage: () =>
        "period must start with its academic year, then the part of it: '2026-2027 P3', '2026-2027 semester 2'",
    },
  });
}

const TITLE = { description: 'As the catalogue shows it', maxLength: 200 };
const DESCRIPTION = { description: 'What the unit is about, for students', maxLength: 4000 };
const CAPACITY = {
  min: 1,
  max: MAX_CAPACITY,
  description: 'Places for students from elsewhere; at least the places already taken',
};
const DEADLINE = {
  format: 'date',
  example: '2027-01-20',
  description: 'The last day the host admits students (Dutch time); today or later',
};

/** A unit the admin's institution offers, for its catalogue. */
export class CreateOfferingDto {
  @ApiProperty({
    example: 'DS-ML',
    pattern: OFFERING_CODE.source,
    description: "The institution's own code, unique within it (closed offerings keep theirs)",
  })
  @Matches(OFFERING_CODE, {
    message:
      'code must be 1 to 40 letters or digits, with dots, hyphens or underscores between them',
  })
  @IsString()
  code: string;

  @ApiProperty({
    example: 'msc-ds',
    maxLength: 50,
    description: "A programme of the admin's institution",
  })
  @MaxLength(50)
  @Matches(NOT_BLANK, { message: 'programmeCode may not be blank' })
  @IsString()
  programmeCode: string;

  @ApiProperty(TITLE)
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'title may not be blank' })
  @IsString()
  title: string;

  @ApiProperty(DESCRIPTION)
  @MaxLength(4000)
  @Matches(NOT_BLANK, { message: 'description may not be blank' })
  @IsString()
  description: string;

  @NumberField({
    min: 0.01,
    max: MAX_CREDITS,
    places: 2,
    description: "In the institution's credit unit (EC, or study hours for mbo)",
  })
  credits: number;

  @ApiProperty({ example: '2026-2027 P3', maxLength: 40 })
  @IsPeriod()
  @MaxLength(40)
  @IsString()
  period: string;

  @ApiProperty({ enum: OFFERING_LANGUAGES })
  @IsIn(OFFERING_LANGUAGES)
  language: OfferingLanguage;

  @NumberField(CAPACITY)
  capacity: number;

  @ApiPropertyOptional({
    description:
      'When full, students go on a waiting list instead of being refused (default false)',
  })
  @IsOptional()
  @IsBoolean()
  waitingList?: boolean;

  @ApiProperty(DEADLINE)
  @IsCalendarDate()
  @IsString()
  enrolmentDeadline: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_PREREQUISITES,
    example: ['Linear algebra'],
    description: 'What a student should know before, as the catalogue shows it (default none)',
  })
  @IsOptional()
  @ArrayUnique({ message: 'prerequisites may name each once' })
  @MaxLength(200, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each prerequisite must say something' })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_PREREQUISITES)
  @IsArray()
  prerequisites?: string[];
}

/** The version a close or reopen was decided on; left out, it applies to whatever the offering is now. */
export class OfferingVersionDto {
  @NumberField({
    min: 1,
    max: MAX_VERSION,
    optional: true,
    description: 'The offering version you saw; a newer one gives 409',
  })
  expectedVersion?: number;
}

/**
 * What an institution changes of an offering it keeps; what is left out stays as it is. Code, programme, credits
 * and period are what students asked for: a different one is a new offering.
 */
export class ChangeOfferingDto extends OfferingVersionDto {
  @ApiPropertyOptional(TITLE)
  @Omittable()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'title may not be blank' })
  @IsString()
  title?: string;

  @ApiPropertyOptional(DESCRIPTION)
  @Omittable()
  @MaxLength(4000)
  @Matches(NOT_BLANK, { message: 'description may not be blank' })
  @IsString()
  description?: string;

  @NumberField({ ...CAPACITY, optional: true, notNull: true })
  capacity?: number;

  @ApiPropertyOptional(DEADLINE)
  @Omittable()
  @IsCalendarDate()
  @IsString()
  enrolmentDeadline?: string;
}
