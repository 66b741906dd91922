import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CREDIT_UNITS, GRADING_SCALES } from '@lr/domain';
import type { CreditUnit, GradingScale } from '@lr/domain';
import { MAX_CREDITS, MAX_VERSION, NumberField } from './number-field';

class VersionedDto {
  @NumberField({
    min: 1,
    max: MAX_VERSION,
    optional: true,
    description: 'The component version you decided on; a newer one gives 409',
  })
  expectedVersion?: number;
}

export class ApprovalDecisionDto extends VersionedDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  // class-validator checks a property's rules bottom-up: the required-check sits last so it is reported first.
  @ApiPropertyOptional({ description: 'Required for a rejection', maxLength: 4000 })
  @ValidateIf((o: ApprovalDecisionDto) => o.decision === 'reject' || o.motivation !== undefined)
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty({ message: 'motivation is required for a rejection and may not be empty' })
  motivation?: string;

  @NumberField({
    min: 0.01,
    max: MAX_CREDITS,
    places: 2,
    optional: true,
    description: 'Credits in the home unit; defaults to the converted offering credits',
  })
  credits?: number;

  @ApiPropertyOptional({
    description: 'Where it counts; defaults to what the student asked',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  placement?: string;
}

export class AdmissionDecisionDto extends VersionedDto {
  @ApiProperty({
    enum: ['admit', 'refuse', 'waitlist'],
    description: 'waitlist: only for an offering that keeps a waiting list',
  })
  @IsIn(['admit', 'refuse', 'waitlist'])
  decision: 'admit' | 'refuse' | 'waitlist';

  @ApiPropertyOptional({ description: 'Required for a refusal', maxLength: 4000 })
  @ValidateIf((o: AdmissionDecisionDto) => o.decision === 'refuse' || o.reason !== undefined)
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required for a refusal and may not be empty' })
  reason?: string;
}

export class ResultDto extends VersionedDto {
  @ApiProperty({
    example: '7.5',
    description: "On the host's scale: 1–10, pass/fail, or onvoldoende/voldoende/goed",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  grade: string;

  @ApiPropertyOptional({ enum: GRADING_SCALES, description: "Defaults to the host's scale" })
  @IsOptional()
  @IsIn(GRADING_SCALES)
  gradingScale?: GradingScale;

  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @NumberField({
    min: 0,
    max: MAX_CREDITS,
    places: 2,
    description: "Credits obtained, in creditUnit (default: the offering's unit)",
  })
  credits: number;

  @ApiPropertyOptional({ enum: CREDIT_UNITS })
  @IsOptional()
  @IsIn(CREDIT_UNITS)
  creditUnit?: CreditUnit;

  @ApiProperty({ description: 'Only a final result travels home for recognition' })
  @IsBoolean()
  final: boolean;
}

export class RecognitionDecisionDto extends VersionedDto {
  @ApiProperty({ enum: ['recognise', 'refuse'] })
  @IsIn(['recognise', 'refuse'])
  decision: 'recognise' | 'refuse';

  @NumberField({
    min: 0.01,
    max: MAX_CREDITS,
    places: 2,
    optional: true,
    description: 'Credits in the home unit; defaults to the converted result',
  })
  credits?: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  placement?: string;

  @ApiPropertyOptional({ description: 'Required for a refusal', maxLength: 4000 })
  @ValidateIf((o: RecognitionDecisionDto) => o.decision === 'refuse' || o.motivation !== undefined)
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty({ message: 'motivation is required for a refusal and may not be empty' })
  motivation?: string;
}

export class DevTokenRequestDto {
  @ApiProperty({ example: 'macca', description: 'A seeded person (GET /dev/people)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  personId: string;
}

export class ObjectionDto extends VersionedDto {
  @ApiProperty({
    maxLength: 4000,
    description: 'Why the rejection should be reviewed; the exam board and the timeline show it',
  })
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty({ message: 'grounds may not be empty' })
  grounds: string;
}
