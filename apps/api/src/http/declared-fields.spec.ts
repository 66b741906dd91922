import { Controller, Get } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { RawResponse, fieldPlanOf, keepDeclared, responsePlanOf } from './declared-fields';
import { DeclaredFieldsInterceptor } from './declared-fields.interceptor';

class PageDto {
  @ApiProperty() page: number;
}

class TagDto {
  @ApiProperty() code: string;
}

class ItemDto {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
  @ApiProperty({ type: [TagDto] }) tags: TagDto[];
  @ApiProperty({ type: () => LaterDto, nullable: true }) later: LaterDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  totals: Record<string, number>;
}

class LaterDto {
  @ApiProperty() name: string;
}

class ItemPageDto extends PageDto {
  @ApiProperty({ type: [ItemDto] }) items: ItemDto[];
}

describe('keeping only the declared fields of a response', () => {
  const at = new Date('2026-12-01T09:00:00Z');
  const item = {
    id: 'a',
    secret: 'the motivation',
    at,
    tags: [{ code: 'x', chairPersonId: 'p1' }],
    later: { name: 'n', homeProgrammeCode: 'msc-food' },
    totals: { EC: 6, hours: 168 },
  };

  it('drops undeclared fields at every depth, through arrays, lazy types and inherited properties', () => {
    expect(keepDeclared({ page: 1, total: 9, items: [item] }, fieldPlanOf(ItemPageDto))).toEqual({
      page: 1,
      items: [
        {
          id: 'a',
          at,
          tags: [{ code: 'x' }],
          later: { name: 'n' },
          totals: { EC: 6, hours: 168 },
        },
      ],
    });
  });

  it('keeps a Date a Date, null as null, and leaves out an optional field that is absent', () => {
    const copy = keepDeclared(
      { ...item, later: null, note: null },
      fieldPlanOf(ItemDto),
    ) as ItemDto;
    expect(copy.at).toBe(at);
    expect(copy.later).toBeNull();
    expect(copy.note).toBeNull();
    expect('note' in (keepDeclared(item, fieldPlanOf(ItemDto)) as object)).toBe(false);
  });

  it('makes the plan of a class once', () => {
    expect(fieldPlanOf(ItemDto)).toBe(fieldPlanOf(ItemDto));
    expect(fieldPlanOf(ItemPageDto).fields.map((f) => f.name)).toEqual(['page', 'items']);
  });

  it("reads a route's class from @ApiOkResponse, arrays included, and refuses a route without one", () => {
    class Routes {
      @ApiOkResponse({ type: [TagDto] }) list(this: void) {}
      @ApiOkResponse({ description: 'no type' }) untyped(this: void) {}
      @RawResponse() raw(this: void) {}
    }
    expect(responsePlanOf(Routes.prototype.list, 'list')).toBe(fieldPlanOf(TagDto));
    expect(responsePlanOf(Routes.prototype.raw, 'raw')).toBe('raw');
    expect(() => responsePlanOf(Routes.prototype.untyped, 'Routes.untyped')).toThrow(
      /Routes.untyped declares no response DTO class/,
    );
  });

  it('stops the start of an app with a route that declares no response type', async () => {
    @Controller()
    class LeakyController {
      @Get('leaky') leaky() {
        return { everything: true };
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [LeakyController],
      providers: [
        DeclaredFieldsInterceptor,
        { provide: APP_INTERCEPTOR, useExisting: DeclaredFieldsInterceptor },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow(/LeakyController.leaky declares no response DTO/);
    await app.close();
  });
});
