import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueQuery } from '@lr/workflow';
import { InstitutionListQueryDto, OfferingSearchQueryDto } from '../dto/page-query.dto';
import { ApiProtected } from './api-docs.decorators';
import { ParseUuidPipe } from './parse-uuid.pipe';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueQuery) {}

  @Get('institutions')
  @ApiOperation({ summary: 'List the institutions, optionally of one sector' })
  @ApiOkResponse({ description: 'A page of institutions' })
  @ApiProtected(400)
  institutions(@Query() query: InstitutionListQueryDto) {
    return this.catalogue.institutions(query);
  }

  @Get('institutions/:code')
  @ApiOperation({ summary: 'One institution with its programmes and exam boards' })
  @ApiProtected(404)
  institution(@Param('code') code: string) {
    return this.catalogue.institution(code);
  }

  @Get('offerings')
  @ApiOperation({
    summary:
      'Search what the institutions offer (title, institution, sector, period, credits, language)',
  })
  @ApiOkResponse({ description: 'A page of offerings with the places left' })
  @ApiProtected(400)
  offerings(@Query() query: OfferingSearchQueryDto) {
    return this.catalogue.offerings(query);
  }

  @Get('offerings/:id')
  @ApiOperation({ summary: 'One offering' })
  @ApiProtected(400, 404)
  offering(@Param('id', new ParseUuidPipe()) id: string) {
    return this.catalogue.offering(id);
  }
}
