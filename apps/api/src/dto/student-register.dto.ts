import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { academicYearOf } from '@lr/domain';
import { IsCalendarDate } from './field-rules';

/** Letters and digits, with dots, slashes or hyphens between: Osiris, Progress and Eduarte numbers all fit. */
const STUDENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9./-]{0,29}$/;
const MAX_PROGRAMMES = 10;
/** Years of study a register keeps statements for: more than anyone studies. */
const MAX_TUITION_YEARS = 20;

/** 'yyyy-yyyy' of two consecutive years, as periods and proofs of tuition name an academic year. */
function IsAcademicYear(): PropertyDecorator {
  return ValidateBy({
    name: 'isAcademicYear',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && academicYearOf(value) === value,
      defaultMessage: () => "academicYear must be an academic year as 'yyyy-yyyy', e.g. 2026-2027",
    },
  });
}

/** The institution's statement on one academic year of a student's tuition (bewijs betaald collegegeld). */
export class TuitionStatementDto {
  @ApiProperty({ example: '2026-2027' })
  @IsAcademicYear()
  @IsString()
  academicYear: string;

  @ApiProperty({ description: 'Whether the student paid tuition for that year' })
  @IsBoolean()
  paid: boolean;

  @ApiProperty({
    example: 'BBC-WAAL-2026-s2084411',
    description: "The reference on the institution's statement",
    maxLength: 100,
  })
  @Matches(/\S/, { message: 'reference may not be blank' })
  @MaxLength(100)
  @IsString()
  reference: string;

  @ApiProperty({ format: 'date', description: 'The day the statement was issued' })
  @IsCalendarDate()
  @IsString()
  issuedOn: string;
}

/** A student as the institution's administration records them. */
export class StudentRegisterEntryDto {
  @ApiProperty({
    example: 's2084411',
    pattern: STUDENT_NUMBER.source,
    description: 'Unique at the institution; shown to hosts and on proofs of tuition',
  })
  @Matches(STUDENT_NUMBER, {
    message:
      'studentNumber must be 1 to 30 letters or digits, with dots, slashes or hyphens between them',
  })
  @IsString()
  studentNumber: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_PROGRAMMES,
    example: ['msc-food'],
    description: "Programmes of the admin's institution the student is enrolled in",
  })
  @ArrayUnique({ message: 'programmeCodes may name a programme once' })
  @MaxLength(50, { each: true })
  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_PROGRAMMES)
  @ArrayMinSize(1)
  @IsArray()
  programmeCodes: string[];

  @ApiPropertyOptional({
    type: [TuitionStatementDto],
    maxItems: MAX_TUITION_YEARS,
    description:
      'One statement per academic year, which hosts that ask for proof of paid tuition receive. Left out: ' +
      'the register keeps the statements it holds (none for a new student); [] removes them',
  })
  @IsOptional()
  @ArrayUnique((t: TuitionStatementDto | null) => t?.academicYear, {
    message: 'tuition may hold one statement per academic year',
  })
  @ValidateNested({ each: true })
  @Type(() => TuitionStatementDto)
  // ValidateNested alone validates an array inside the array item by item: only objects are items here.
  @IsObject({ each: true })
  @ArrayMaxSize(MAX_TUITION_YEARS)
  @IsArray()
  tuition?: TuitionStatementDto[];
}
