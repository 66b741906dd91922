import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  Patch,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AssociationPatch, OoapiValidator } from '@lr/ooapi';
import { HostAssociationsUseCase } from '@lr/workflow';
import { OoapiAssociationAnswerDto, OoapiMessageLineInput } from '../dto/ooapi.dto';
import { CurrentMachine, Machine, MachineClient } from '../http/machine-auth.guard';
import { FieldError, ValidationFailedException } from '../http/problem-details.filter';

/** JSON Merge Patch (RFC 7396) as the standard describes its PATCH operations, and plain JSON as well. */
const PATCH_TYPES = ['application/merge-patch+json', 'application/json'];
/**
 * What Leerroutes takes from a host's PATCH: the standard's two fields, and the `message` (a PostResponse's) with
 * the host's reason; the standard allows other fields, which it does not keep.
 */
const PATCHABLE = new Set(['remoteState', 'result', 'message']);
/** A message is a few lines, one per language. */
const MESSAGE_LINES = 10;

/**
 * Leerroutes as an OOAPI v5 provider, for institutions' own systems: a host reports the state or result of an
 * association it made for one of our students. Its messages are held to the published standard, and so are
 * our answers; the OOAPI document, not ours, describes this route (it is not in /docs).
 */
@ApiExcludeController()
@MachineClient()
@Controller('ooapi/v5')
export class OoapiController {
  constructor(private readonly associations: HostAssociationsUseCase) {}

  @Patch('associations/:associationId')
  @HttpCode(200)
  @ApiOkResponse({ type: OoapiAssociationAnswerDto })
  async patchAssociation(
    @CurrentMachine() machine: Machine,
    @Param('associationId') associationId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<OoapiAssociationAnswerDto> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!PATCH_TYPES.includes(type)) {
      throw new UnsupportedMediaTypeException(`Send ${PATCH_TYPES.join(' or ')}.`);
    }
    const violations = (await OoapiValidator.v5()).request({
      method: 'patch',
      // Encoded, so that an id with a slash in it is a wrong id, not another path.
      path: `/associations/${encodeURIComponent(associationId)}`,
      headers: { 'content-type': type },
      body,
    });
    const unknown = Object.keys(isObject(body) ? body : {}).filter((k) => !PATCHABLE.has(k));
    const errors = [
      ...violations.map(fieldErrorOf),
      ...unknown.map((field) => ({ field, messages: ['is not a field Leerroutes takes'] })),
    ];
    if (!isObject(body)) errors.push({ field: 'body', messages: ['must be a JSON object'] });
    else errors.push(...messageErrors(body.message));
    if (errors.length > 0) throw new ValidationFailedException(errors);
    const { state } = await this.associations.callback(
      machine.institutionCode,
      associationId,
      body as AssociationPatch,
    );
    return {
      associationId,
      state,
      message: [{ language: 'en-GB', value: `Leerroutes has the association as ${state}.` }],
    };
  }
}

/** The `message` the standard leaves undescribed in a PATCH, held to its PostResponse's LanguageTypedString[]. */
function messageErrors(message: unknown): FieldError[] {
  if (message === undefined) return [];
  if (!Array.isArray(message) || message.length === 0 || message.length > MESSAGE_LINES) {
    return [
      { field: 'message', messages: [`must be 1 to ${MESSAGE_LINES} { language, value } lines`] },
    ];
  }
  return message.flatMap((line: unknown, i) =>
    isObject(line)
      ? validateSync(plainToInstance(OoapiMessageLineInput, line), {
          whitelist: true,
          forbidNonWhitelisted: true,
        }).map((error) => ({
          field: `message.${i}.${error.property}`,
          messages: Object.values(error.constraints ?? {}),
        }))
      : [{ field: `message.${i}`, messages: ['must be an object with language and value'] }],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "/requestBody/result/score must be string" → result.score: must be string, as the API names fields. */
function fieldErrorOf(violation: string): FieldError {
  const at = violation.indexOf(' ');
  const path = violation.slice(0, at);
  const field =
    path
      .replace(/^\/(requestBody|path|query)/, '')
      .split('/')
      .filter(Boolean)
      .join('.') || 'body';
  return { field, messages: [violation.slice(at + 1)] };
}
