import { gatewayChecker } from './gateway-contract';

describe("the gateway's OpenAPI document, as the e2e suite checks answers against it", () => {
  it('compiles every answer schema', () => {
    expect(gatewayChecker().compileEveryAnswerSchema()).toBeGreaterThan(100);
  });

  it('finds the operations of concrete paths', () => {
    const checker = gatewayChecker();
    expect(checker.operationFor('POST', '/v1beta/models/mock-gemini:streamGenerateContent?alt=sse')?.name).toMatch(
      /^POST \/v1beta\/models\/\{[^}]+\}:streamGenerateContent /,
    );
    expect(checker.operationFor('GET', '/v1/files/file-abc/content')?.name).toMatch(/^GET \/v1\/files\/\{[^}]+\}\/content /);
    // a model id keeps its slashes
    expect(checker.operationFor('GET', '/v1/models/team/alias')?.name).toBe('GET /v1/models/{model} (getModel)');
    expect(checker.operationFor('GET', '/v1/nowhere')).toBeNull();
  });
});
