import { Type } from 'class-transformer';
import { Allow, getMetadataStorage, IsEmail, IsString, registerDecorator, ValidateNested, ValidatePromise } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import fc from 'fast-check';
import { compiledClass } from './compiled-validator';
import { DomainError } from './domain-error';
import { deeplyNested, hostileJson, hostileKey } from './hostile-json.arbitrary';
import * as contracts from './index';
import { cases, mutationOf } from './validate.cases';
import { compileValidators, createValidated, payloadClassesIn } from './validate';
import { referenceCreateValidated } from './validate.reference';

/**
 * The compiled validator (createValidated) against the reference it replaced (class-transformer's
 * @Type and class-validator's validateSync, validate.reference.ts): for every payload class that
 * libs/contracts exports, the same accepted instance or the same refusal, to the message and param.
 */
type Ctor = new () => object;
type Json = Record<string, unknown>;

const storage = getMetadataStorage();
const metadataOf = (cls: Ctor): ValidationMetadata[] =>
  storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined);

const payloadClasses = payloadClassesIn(contracts);

type Outcome = { accepted: unknown } | { refused: Json };

function outcomeOf(run: () => object): Outcome {
  try {
    return { accepted: run() };
  } catch (error) {
    if (error instanceof DomainError)
      return { refused: { kind: 'DomainError', code: error.code, message: error.message, param: error.param } };
    return { refused: { kind: (error as Error).constructor?.name, message: (error as Error).message } };
  }
}

function expectSameOutcome(cls: Ctor, value: unknown): void {
  const reference = outcomeOf(() => referenceCreateValidated(cls, value));
  const compiled = outcomeOf(() => createValidated(cls, value));
  // toStrictEqual: the same classes, the same (converted) fields, undefined ones included
  expect(compiled).toStrictEqual(reference);
}

// ---- near-valid values of any payload class, from its own decorators ----

const samplesOf: Record<string, (constraints: any[]) => unknown[]> = {
  isString: () => ['x', '', 'file-abc', 'req_1'],
  isNotEmpty: () => ['x', ''],
  isInt: () => [0, 1, 7, -1, 2.5],
  isBoolean: () => [true, false, 'true'],
  isObject: () => [{}, { a: 1 }, []],
  isArray: () => [[], ['x'], [{}], [1, [2]]],
  arrayNotEmpty: () => [[], ['x']],
  arrayUnique: () => [
    ['a', 'b'],
    ['a', 'a'],
  ],
  min: ([bound]) => [bound, bound - 1, bound + 1],
  max: ([bound]) => [bound, bound + 1, bound - 1],
  maxLength: ([n]) => ['a'.repeat(n), 'a'.repeat(n + 1)],
  arrayMaxSize: ([n]) => [Array(n).fill('x'), Array(n + 1).fill('x')],
  isIn: ([values]) => [...values],
  notEquals: ([other]) => [other],
  isIso8601: () => ['2026-12-03T00:00:00.000Z', '2026-13-40', '2026-12-03'],
  isDecimalNumber: () => [0, 12.5, 1e-9, 1e-10, -3, 1e9, 1e-7],
  isUsdAmount: () => [0, 12.5, 1e-9, 1e-10],
};
const otherSamples = ['x', ['a', 'b'], [[1, 2], [3]], [{ text: 'x' }, 'y'], { k: 'v' }, 1, null];

function propertyValue(cls: Ctor, property: string, metadatas: ValidationMetadata[], depth: number): fc.Arbitrary<unknown> {
  const values: unknown[] = [];
  const patterns: fc.Arbitrary<unknown>[] = [];
  for (const metadata of metadatas) {
    for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
      if (constraint.name === 'matches') patterns.push(fc.stringMatching(metadata.constraints[0] as RegExp));
      else values.push(...(samplesOf[constraint.name]?.(metadata.constraints ?? []) ?? otherSamples));
    }
  }
  const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: hostileJson, weight: 1 }];
  if (values.length > 0) options.push({ arbitrary: fc.constantFrom(...values), weight: 6 });
  for (const pattern of patterns) options.push({ arbitrary: pattern, weight: 6 });
  const typed = depth < 3 ? nestedTypeOf(cls, property) : undefined;
  if (typed)
    options.push({
      arbitrary: typed.array ? fc.array(nearValid(typed.cls, depth + 1), { maxLength: 3 }) : nearValid(typed.cls, depth + 1),
      weight: 6,
    });
  return fc.oneof(...options);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');

function nestedTypeOf(cls: Ctor, property: string): { cls: Ctor; array: boolean } | undefined {
  const declared = defaultMetadataStorage.findTypeMetadata(cls, property);
  const type = declared?.typeFunction();
  return type && ![Number, String, Boolean].includes(type) ? { cls: type, array: declared.reflectedType === Array } : undefined;
}

/** Each decorated property from values its decorators accept or just miss (or hostile JSON), sometimes left out; hostile keys added. */
function nearValid(cls: Ctor, depth = 0): fc.Arbitrary<Json> {
  const grouped = storage.groupByPropertyName(metadataOf(cls));
  const fields = Object.entries(grouped).map(([property, metadatas]) =>
    fc.oneof(
      { arbitrary: propertyValue(cls, property, metadatas, depth).map((v) => [[property, v]] as [string, unknown][]), weight: 12 },
      { arbitrary: fc.constant([] as [string, unknown][]), weight: 1 },
    ),
  );
  const extra = fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 2 });
  return fc.tuple(fc.tuple(...fields), extra).map(([kept, added]) => Object.fromEntries([...kept.flat(), ...added]));
}

// ---- the properties ----

describe('the payload classes libs/contracts exports', () => {
  it('are all found, and all compile', () => {
    expect(payloadClasses.length).toBeGreaterThanOrEqual(60);
    expect(payloadClasses.map(([name]) => name)).toEqual(
      expect.arrayContaining(['ChatCompletionBody', 'ExecuteRequest', 'UsageEvent', 'CreateChannelBody', 'ImageEditBody']),
    );
    for (const [, cls] of payloadClasses) expect(() => compiledClass(cls)).not.toThrow();
  });
});

describe.each(payloadClasses)('createValidated(%s) against the reference', (_name, cls) => {
  it('gives the same outcome for arbitrary JSON', () => {
    fc.assert(fc.property(hostileJson, (value) => expectSameOutcome(cls, value)));
  });

  it('gives the same outcome for values near what its decorators accept', () => {
    fc.assert(fc.property(nearValid(cls), (value) => expectSameOutcome(cls, value)));
  });
});

describe.each(Object.entries(cases))('createValidated(%s) against the reference, from its documented example', (_name, testCase) => {
  it('gives the same outcome for mutations of the example', () => {
    expectSameOutcome(testCase.cls, structuredClone(testCase.example));
    fc.assert(fc.property(mutationOf(testCase.example), (value) => expectSameOutcome(testCase.cls, value)));
  });
});

describe('createValidated against the reference on deeply nested input', () => {
  it('gives the same outcome at any depth', () => {
    const runs = Math.max(10, Math.floor((fc.readConfigureGlobal().numRuns ?? 100) / 100));
    fc.assert(
      fc.property(deeplyNested, fc.constantFrom(...Object.values(cases)), (deep, testCase) => {
        expectSameOutcome(testCase.cls, { ...testCase.example, extra: deep });
        expectSameOutcome(testCase.cls, { ...testCase.example, [Object.keys(testCase.example)[0]]: deep });
      }),
      { numRuns: runs },
    );
  });
});

describe('the compiled path per call', () => {
  it('runs no class-validator executor and reads no metadata', () => {
    for (const testCase of Object.values(cases)) compiledClass(testCase.cls);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ValidationExecutor } = require('class-validator/cjs/validation/ValidationExecutor');
    const execute = jest.spyOn(ValidationExecutor.prototype, 'execute');
    const lookups = [
      jest.spyOn(storage, 'getTargetValidationMetadatas'),
      jest.spyOn(storage, 'getTargetValidatorConstraints'),
      jest.spyOn(defaultMetadataStorage, 'findTypeMetadata'),
    ];
    try {
      for (const testCase of Object.values(cases)) {
        createValidated(testCase.cls, structuredClone(testCase.example));
        outcomeOf(() => createValidated(testCase.cls, { model: 1, unexpected: true }));
      }
      expect(execute).not.toHaveBeenCalled();
      for (const lookup of lookups) expect(lookup).not.toHaveBeenCalled();
      referenceCreateValidated(cases.ExecuteRequest.cls, structuredClone(cases.ExecuteRequest.example));
      expect(execute).toHaveBeenCalled();
    } finally {
      execute.mockRestore();
      for (const lookup of lookups) lookup.mockRestore();
    }
  });
});

describe('a decorator the compiler does not know', () => {
  const compileError = /compiled validation of \w+\.\w+: .* is not supported/;

  it("fails when its class is compiled (class-validator's own decorator not taught to the compiler)", () => {
    class WithEmail {
      @IsEmail() email!: string;
    }
    expect(() => compileValidators(WithEmail)).toThrow(compileError);
    expect(() => compileValidators(WithEmail)).toThrow(/WithEmail\.email: class-validator's @isEmail/);
    // on first use too: never skipped, never a validation error standing in for a bug
    expect(() => createValidated(WithEmail, { email: 'a@b.c' })).toThrow(compileError);
  });

  it('fails for decorators of a kind it has no rule for (@Allow, @ValidatePromise)', () => {
    class Allowed {
      @Allow() anything!: unknown;
    }
    class Promised {
      @ValidatePromise() @IsString() later!: unknown;
    }
    expect(() => compileValidators(Allowed)).toThrow(/Allowed\.anything: a whitelistValidation decorator/);
    expect(() => compileValidators(Promised)).toThrow(/Promised\.later: a promiseValidation decorator/);
  });

  it('fails for an asynchronous constraint and for @ValidateNested without a class to build', () => {
    class Async {
      @((target: object, propertyName: string) =>
        registerDecorator({
          name: 'isLater',
          async: true,
          target: target.constructor,
          propertyName,
          validator: { validate: async () => true },
        }))
      later!: unknown;
    }
    class Inner {
      @IsString() name!: string;
    }
    class Untyped {
      @ValidateNested() inner!: Inner;
    }
    class Typed {
      @ValidateNested() @Type(() => Inner) inner!: Inner;
    }
    expect(() => compileValidators(Async)).toThrow(/Async\.later: the asynchronous @isLater/);
    expect(() => compileValidators(Untyped)).toThrow(/Untyped\.inner: @ValidateNested without a class in @Type/);
    expect(() => compileValidators(Typed)).not.toThrow();
    expect(() => createValidated(Typed, { inner: { name: 1 } })).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'inner.name' }),
    );
  });

  it("runs a project's own constraint through its validate", () => {
    class Even {
      @((target: object, propertyName: string) =>
        registerDecorator({
          name: 'isEven',
          target: target.constructor,
          propertyName,
          options: { message: '$property must be even, not $value' },
          validator: { validate: (v: unknown) => v === 0 || (typeof v === 'number' && v % 2 === 0) },
        }))
      n!: number;
    }
    expect(createValidated(Even, { n: 4 }).n).toBe(4);
    expect(() => createValidated(Even, { n: 3 })).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'n', message: 'n must be even, not 3' }),
    );
    expectSameOutcome(Even, { n: 3 });
  });
});
