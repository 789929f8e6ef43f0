import fc from 'fast-check';
import { DomainError } from './domain-error';
import { deeplyNested, hostileJson, ownObject } from './hostile-json.arbitrary';
import { type Case, cases, type Json, mutationOf } from './validate.cases';
import { createValidated } from './validate';

const VALIDATION_CODES = ['invalid_value', 'missing_required_parameter'];

/** Accepted values meet the documented constraints; refused ones are a validation DomainError naming a parameter. */
function checkOne({ cls, documented }: Case, value: unknown): void {
  let accepted: object;
  try {
    accepted = createValidated(cls, value);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(VALIDATION_CODES).toContain((error as DomainError).code);
    return;
  }
  expect(accepted).toBeInstanceOf(cls);
  expect(documented(accepted as Json)).toBe(true);
}

describe.each(Object.entries(cases))('createValidated(%s) on hostile input', (_name, testCase) => {
  it('accepts its own example', () => {
    expect(testCase.documented(createValidated(testCase.cls, structuredClone(testCase.example)) as Json)).toBe(true);
  });

  it('refuses arbitrary JSON with a validation error, or accepts only what the docs allow', () => {
    fc.assert(fc.property(hostileJson, (value) => checkOne(testCase, value)));
  });

  it('refuses near-valid values with a validation error, or accepts only what the docs allow', () => {
    fc.assert(fc.property(mutationOf(testCase.example), (value) => checkOne(testCase, value)));
  });
});

describe('createValidated on deeply nested input', () => {
  it('answers any nesting depth with a validation error or a value, never a stack overflow', () => {
    const runs = Math.max(10, Math.floor((fc.readConfigureGlobal().numRuns ?? 100) / 100));
    fc.assert(
      fc.property(deeplyNested, fc.constantFrom(...Object.values(cases)), (deep, testCase) => {
        checkOne(testCase, { ...testCase.example, extra: deep });
        checkOne(testCase, { ...testCase.example, [Object.keys(testCase.example)[0]]: deep });
      }),
      { numRuns: runs },
    );
  });
});

describe('the hostile-key objects are what JSON.parse makes', () => {
  it('keeps __proto__ as an own key', () => {
    fc.assert(
      fc.property(ownObject(fc.array(fc.tuple(fc.constant('__proto__'), fc.integer()), { minLength: 1, maxLength: 1 })), (o) => {
        expect(Object.prototype.hasOwnProperty.call(o, '__proto__')).toBe(true);
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      }),
      { numRuns: 5 },
    );
  });
});
