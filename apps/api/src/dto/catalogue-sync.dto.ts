import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CATALOGUE_SYNC_STATUSES, CATALOGUE_SYNC_TRIGGERS } from '@lr/domain';
import type { CatalogueSyncStatus, CatalogueSyncTrigger } from '@lr/domain';
import { PageQueryDto } from './page-query.dto';
import { PageDto } from './responses.dto';

const NOT_BLANK = /\S/;
const INSTITUTION = {
  example: 'uni-eem',
  maxLength: 50,
  description: 'An institution that takes part through its own system over OOAPI v5',
};

/** Ask for a synchronisation of an institution's catalogue from its own system, now. */
export class RequestCatalogueSyncDto {
  @ApiProperty(INSTITUTION)
  @Matches(NOT_BLANK, { message: 'institutionCode may not be blank' })
  @MaxLength(50)
  @IsString()
  institutionCode: string;
}

export class CatalogueSyncQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...INSTITUTION, description: 'Whose runs; my own institution by default' })
  @IsOptional()
  @Matches(NOT_BLANK, { message: 'institutionCode may not be blank' })
  @MaxLength(50)
  @IsString()
  institutionCode?: string;
}

class RequestedByDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class CatalogueSyncCountsDto {
  @ApiProperty({ description: 'Offerings new in the system, added' }) created: number;
  @ApiProperty({ description: 'Title, description, capacity or enrolment deadline changed' })
  changed: number;
  @ApiProperty({ description: 'Gone from the system: closed, never deleted' }) closed: number;
  @ApiProperty({ description: 'Back in the system: open again' }) reopened: number;
  @ApiProperty({ description: 'The same as before' }) unchanged: number;
}

class CatalogueSyncErrorDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The offering, as the system names it; null when a whole attempt failed',
  })
  offering: string | null;
  @ApiProperty({ example: 'OFFERING.CAPACITY_BELOW_TAKEN' }) code: string;
  @ApiProperty() message: string;
}

/** One synchronisation of an institution's catalogue from its own system. */
export class CatalogueSyncDto {
  @ApiProperty({ description: 'In the order the runs were asked for' }) id: string;
  @ApiProperty() institutionCode: string;
  @ApiProperty({ enum: CATALOGUE_SYNC_TRIGGERS, description: 'The schedule, or an admin' })
  trigger: CatalogueSyncTrigger;
  @ApiProperty({ type: RequestedByDto, nullable: true, description: 'The admin who asked for it' })
  requestedBy: RequestedByDto | null;
  @ApiProperty({
    enum: CATALOGUE_SYNC_STATUSES,
    description:
      'queued, running, retrying (an attempt failed; nothing was changed), completed (perhaps with errors ' +
      'for single offerings), failed (after its last attempt; nothing was changed)',
  })
  status: CatalogueSyncStatus;
  @ApiProperty({ description: 'Attempts begun' }) attempts: number;
  @ApiProperty() requestedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: CatalogueSyncCountsDto }) counts: CatalogueSyncCountsDto;
  @ApiProperty({ type: [CatalogueSyncErrorDto] }) errors: CatalogueSyncErrorDto[];
}

export class CatalogueSyncPageDto extends PageDto {
  @ApiProperty({ type: [CatalogueSyncDto] }) items: CatalogueSyncDto[];
}
