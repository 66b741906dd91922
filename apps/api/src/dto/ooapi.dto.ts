import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ASSOCIATION_STATES, AssociationState } from '@lr/domain';

class LanguageTypedStringDto {
  @ApiProperty({ example: 'en-GB' })
  language: string;

  @ApiProperty()
  value: string;
}

/** OOAPI v5's answer to PATCH /associations/{associationId}: AssociationId, PostResponse and the state. */
export class OoapiAssociationAnswerDto {
  @ApiProperty({ format: 'uuid' })
  associationId: string;

  @ApiProperty({ enum: ASSOCIATION_STATES })
  state: AssociationState;

  @ApiProperty({ type: [LanguageTypedStringDto] })
  message: LanguageTypedStringDto[];
}

/**
 * One line of the `message` a host's system may add to its PATCH, as the standard's PostResponse has it (a
 * LanguageTypedString): the reason of a refusal or cancellation, which the student reads.
 */
export class OoapiMessageLineInput {
  @IsString()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag' })
  language: string;

  @IsString()
  @Length(1, 2000)
  value: string;
}
