import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { CountsAs } from '@lr/database';

const COUNTS_AS: CountsAs[] = ['elective-space', 'minor', 'replacement'];

export class ComponentDraftDto {
  @ApiProperty({ format: 'uuid', description: 'The host offering' })
  @IsUUID()
  offeringId: string;

  @ApiProperty({
    enum: COUNTS_AS,
    description: 'Where the unit should count in the home programme',
  })
  @IsIn(COUNTS_AS)
  countsAs: CountsAs;

  @ApiPropertyOptional({
    description: "Required when countsAs is 'replacement': the home unit it replaces",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  replacesUnit?: string;

  @ApiProperty({
    description: 'Why this unit, for the home exam board',
    minLength: 1,
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  motivation: string;
}

export class CreateRequestDto {
  @ApiProperty({
    description: 'Why the student asks for this learning route',
    minLength: 10,
    maxLength: 4000,
  })
  @IsString()
  @Length(10, 4000)
  motivation: string;

  @ApiProperty({ type: [ComponentDraftDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  // ValidateNested alone validates an array inside the array item by item, and so let [[component]] through.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ComponentDraftDto)
  components: ComponentDraftDto[];
}

export class WithdrawDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

/** For commands without fields: with the strict validation pipe, any field sent is refused. */
export class EmptyBodyDto {}
