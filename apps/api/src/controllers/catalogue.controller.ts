import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueQuery } from '@lr/workflow';
import { InstitutionListQueryDto, OfferingSearchQueryDto } from '../dto/page-query.dto';
import {
  InstitutionDetailDto,
  InstitutionPageDto,
  OfferingDto,
  OfferingPageDto,
} from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';
import { Action } from '../http/authorization.guard';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueQuery) {}

  @Get('institutions')
  @Action('catalogue.read')
  @ApiOperation({ summary: 'List the institutions, optionally of one sector' })
  @ApiOkResponse({ type: InstitutionPageDto })
  @ApiProtected(400)
  institutions(@Query() query: InstitutionListQueryDto): Promise<InstitutionPageDto> {
    return this.catalogue.institutions(query);
  }

  @Get('institutions/:code')
  @Action('catalogue.read')
  @ApiOperation({ summary: 'One institution with its programmes and exam boards' })
  @ApiOkResponse({ type: InstitutionDetailDto })
  @ApiProtected(404)
  institution(@Param('code') code: string): Promise<InstitutionDetailDto> {
    return this.catalogue.institution(code);
  }

  @Get('offerings')
  @Action('catalogue.read')
  @ApiOperation({
    summary:
      'Search what the institutions offer (title, institution, sector, period, credits, language)',
  })
  @ApiOkResponse({ type: OfferingPageDto, description: 'A page of offerings with the places left' })
  @ApiProtected(400)
  offerings(@Query() query: OfferingSearchQueryDto): Promise<OfferingPageDto> {
    return this.catalogue.offerings(query);
  }

  @Get('offerings/:id')
  @Action('catalogue.read')
  @ApiOperation({ summary: 'One offering' })
  @ApiOkResponse({ type: OfferingDto })
  @ApiProtected(400, 404)
  offering(@Param('id', new ParseUuidPipe()) id: string): Promise<OfferingDto> {
    return this.catalogue.offering(id);
  }
}
