import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { COMPONENT_STATES, CREDIT_UNITS, SECTORS } from '@lr/domain';
import type { ComponentState, CreditUnit, LearningRoute, Sector } from '@lr/domain';
import { MAX_PAGE, MAX_PAGE_SIZE } from '@lr/workflow';
import { fromBooleanText } from './field-rules';
import { MAX_CREDITS, NumberField, fromDecimalText } from './number-field';

export class PageQueryDto {
  @NumberField({ min: 1, max: MAX_PAGE, optional: true, fromQuery: true, default: 1 })
  page: number = 1;

  @NumberField({ min: 1, max: MAX_PAGE_SIZE, optional: true, fromQuery: true, default: 20 })
  pageSize: number = 20;
}

export class InstitutionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}

export class OfferingSearchQueryDto extends InstitutionListQueryDto {
  @ApiPropertyOptional({
    description: 'Words, or their beginnings, in the title, description or code; all must occur',
    example: 'mach learn',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Institution code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  institution?: string;

  @ApiPropertyOptional({ example: '2026-2027 P3' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  period?: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: string;

  @ApiPropertyOptional({ enum: CREDIT_UNITS })
  @IsOptional()
  @IsIn(CREDIT_UNITS)
  creditUnit?: CreditUnit;

  @NumberField({ min: 0, max: MAX_CREDITS, places: 2, optional: true, fromQuery: true })
  minCredits?: number;

  @NumberField({ min: 0, max: MAX_CREDITS, places: 2, optional: true, fromQuery: true })
  maxCredits?: number;
}

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: COMPONENT_STATES,
    description: "Only this one of the inbox's states",
  })
  @IsOptional()
  @IsIn(COMPONENT_STATES)
  state?: ComponentState;

  @ApiPropertyOptional({ enum: [4, 5, 6] })
  @IsOptional()
  @Transform(fromDecimalText)
  @IsIn([4, 5, 6])
  route?: LearningRoute;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(fromBooleanText)
  @IsBoolean()
  unread?: boolean;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the entries of this request' })
  @IsOptional()
  @IsUUID()
  requestId?: string;
}
