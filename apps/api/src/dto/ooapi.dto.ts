import { ApiProperty } from '@nestjs/swagger';
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
