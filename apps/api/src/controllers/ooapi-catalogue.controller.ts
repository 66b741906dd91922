import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse } from '@nestjs/swagger';
import { OoapiCatalogueQuery } from '@lr/workflow';
import {
  OoapiCourseDetailQueryDto,
  OoapiCourseDto,
  OoapiCourseOfferingDto,
  OoapiCourseOfferingPageDto,
  OoapiCourseOfferingQueryDto,
  OoapiCoursePageDto,
  OoapiCourseQueryDto,
  OoapiOfferingDetailQueryDto,
  OoapiServiceDto,
} from '../dto/ooapi-catalogue.dto';
import { Public } from '../http/auth.guard';
import { Action } from '../http/authorization.guard';
import { ParseUuidPipe } from './parse-uuid.pipe';

/**
 * Leerroutes as an OOAPI v5 provider of the catalogue of the institutions that work in it, for other platforms
 * to list (eduXchange, say): every open offering as a course with its one offering. Public and read-only, like
 * the catalogue institutions publish themselves; no person is in it. The OOAPI document describes these routes,
 * not ours (they are not in /docs), and problems take the standard's shape.
 */
@ApiExcludeController()
@Public()
@Controller('ooapi/v5')
export class OoapiCatalogueController {
  constructor(private readonly catalogue: OoapiCatalogueQuery) {}

  /** The standard's service metadata: who answers for this provider, and where its terms are. */
  @Get()
  @Action('ooapi.catalogue.read')
  @ApiOkResponse({ type: OoapiServiceDto })
  service(): OoapiServiceDto {
    return this.catalogue.service();
  }

  @Get('courses')
  @Action('ooapi.catalogue.read')
  @ApiOkResponse({ type: OoapiCoursePageDto })
  courses(@Query() query: OoapiCourseQueryDto): Promise<OoapiCoursePageDto> {
    return this.catalogue.courses(query);
  }

  @Get('courses/:courseId')
  @Action('ooapi.catalogue.read')
  @ApiOkResponse({ type: OoapiCourseDto })
  course(
    @Param('courseId', new ParseUuidPipe()) courseId: string,
    @Query() query: OoapiCourseDetailQueryDto,
  ): Promise<OoapiCourseDto> {
    return this.catalogue.course(courseId, {
      organization: query.expand?.includes('organization'),
    });
  }

  @Get('courses/:courseId/offerings')
  @Action('ooapi.catalogue.read')
  @ApiOkResponse({ type: OoapiCourseOfferingPageDto })
  courseOfferings(
    @Param('courseId', new ParseUuidPipe()) courseId: string,
    @Query() query: OoapiCourseOfferingQueryDto,
  ): Promise<OoapiCourseOfferingPageDto> {
    return this.catalogue.courseOfferings(courseId, query);
  }

  @Get('offerings/:offeringId')
  @Action('ooapi.catalogue.read')
  @ApiOkResponse({ type: OoapiCourseOfferingDto })
  offering(
    @Param('offeringId', new ParseUuidPipe()) offeringId: string,
    @Query() query: OoapiOfferingDetailQueryDto,
  ): Promise<OoapiCourseOfferingDto> {
    return this.catalogue.offering(offeringId, {
      course: query.expand?.includes('course'),
      organization: query.expand?.includes('organization'),
    });
  }
}
