import { DomainError } from './domain-error';
import { ErrorCatalog, ErrorCodes } from './error-codes';
import { openAiError } from './openai-error';

describe('product error codes', () => {
  it('travel exactly as the product docs spell them, with their status and type', () => {
    expect(ErrorCodes).toEqual({
      missingInferenceScope: 'AUTH_1015',
      fileTooLarge: 'VALIDATION_4016',
      invalidFilePurpose: 'VALIDATION_4007',
      fileNotFound: 'INFERENCE_3302',
      invalidJsonlFile: 'INFERENCE_3303',
    });
    expect(ErrorCatalog).toMatchObject({
      AUTH_1015: { status: 403, type: 'permission_error' },
      VALIDATION_4016: { status: 413, type: 'invalid_request_error' },
      VALIDATION_4007: { status: 400, type: 'invalid_request_error' },
      INFERENCE_3302: { status: 404, type: 'invalid_request_error' },
      INFERENCE_3303: { status: 400, type: 'invalid_request_error' },
    });
  });

  it('reach the caller under their wire code', () => {
    const { status, body } = openAiError(new DomainError(ErrorCodes.fileNotFound, 'No such File object: file-x', 'id'));
    expect(status).toBe(404);
    expect(body.error).toEqual({
      message: 'No such File object: file-x',
      type: 'invalid_request_error',
      param: 'id',
      code: 'INFERENCE_3302',
    });
  });
});
