import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ImageEditBody, ImageReference, ResponsesBody, SetRateLimitBody } from '@switchyard/contracts';
import { classSchema, classSchemas, propertySchema } from './class-schema';

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

class Inner {
  @IsString() name!: string;
}

class Everything {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(20) @MinLength(2) name!: string;
  @IsInt() @Min(1) @Max(10) count!: number;
  @IsOptional() @IsNumber() ratio?: number;
  @IsOptional() @IsBoolean() flag?: boolean;
  @IsIn(['a', 'b']) letter!: 'a' | 'b';
  @IsEnum(Colour) colour!: Colour;
  @Matches(/^x-[0-9]+$/) code!: string;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(3) @ArrayUnique() @IsString({ each: true }) tags!: string[];
  @IsArray() @ArrayMinSize(2) @IsIn(['p', 'q'], { each: true }) picks!: string[];
  @IsObject() settings!: Record<string, unknown>;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Inner) inners!: Inner[];
  @ValidateIf((_, v) => v !== null) @IsInt() nullableCount!: number | null;
  @NotEquals(0) nonZero?: number;
}

describe('classSchema', () => {
  const { schema, nested } = classSchema(Everything);
  const properties = schema.properties as Record<string, unknown>;

  it('turns each check into its schema keyword', () => {
    expect(properties.name).toEqual({ type: 'string', minLength: 2, maxLength: 20 });
    expect(properties.count).toEqual({ type: 'integer', minimum: 1, maximum: 10 });
    expect(properties.letter).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(properties.colour).toEqual({ type: 'string', enum: ['red', 'blue'] });
    expect(properties.code).toEqual({ type: 'string', pattern: '^x-[0-9]+$' });
    expect(properties.settings).toEqual({ type: 'object' });
    expect(properties.nonZero).toEqual({ not: { enum: [0] } });
  });

  it('describes arrays and the checks of each item', () => {
    expect(properties.tags).toEqual({ type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'string' } });
    expect(properties.picks).toEqual({ type: 'array', minItems: 2, items: { type: 'string', enum: ['p', 'q'] } });
  });

  it('refers to nested classes as components, named after them', () => {
    expect(properties.inner).toEqual({ anyOf: [{ $ref: '#/components/schemas/Inner' }, { type: 'object', nullable: true, enum: [null] }] });
    expect(properties.inners).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Inner' } });
    expect(nested).toEqual([Inner, Inner]);
    expect(Object.keys(classSchemas([Everything]))).toEqual(['Everything', 'Inner']);
  });

  it('makes optional what the server lets be absent, and nullable what it lets be null', () => {
    expect(schema.required).toEqual(['name', 'count', 'letter', 'colour', 'code', 'tags', 'picks', 'settings', 'inners', 'nullableCount']);
    expect(properties.ratio).toEqual({ type: 'number', nullable: true });
    expect(properties.flag).toEqual({ type: 'boolean', nullable: true });
    expect(properties.nullableCount).toEqual({ type: 'integer', nullable: true });
  });

  it('reads what a condition means from what it answers: a string skips the checks', () => {
    const input = classSchema(ResponsesBody).schema.properties!.input;
    expect(input).toEqual({ anyOf: [{ type: 'string' }, { type: 'array', minItems: 1 }] });
    expect(classSchema(ResponsesBody).schema.required).toEqual(['model', 'input']);
  });

  it('reads what a condition means: null skips the checks, absent does not', () => {
    const { schema: limit } = classSchema(SetRateLimitBody);
    expect(limit.required).toEqual(['requests_per_minute']);
    expect(limit.properties!.requests_per_minute).toEqual({ type: 'integer', minimum: 1, maximum: 10_000_000, nullable: true });
  });

  it('reads what a condition means: checked while a sibling is absent, so one of the two is needed', () => {
    const { schema: reference } = classSchema(ImageReference);
    expect(reference.required).toBeUndefined();
    expect(reference.anyOf).toEqual([{ required: ['file_id'] }, { required: ['image_url'] }]);
    expect(reference.properties!.file_id).toEqual({ type: 'string', minLength: 1 });
    expect(classSchemas([ImageEditBody]).ImageReference).toEqual(reference);
  });

  it("describes a project's own check by the schema written for it, with its message", () => {
    class Custom {
      @IsDefined()
      @((target: object, propertyName: string) =>
        registerDecorator({
          name: 'isDecimalNumber',
          target: target.constructor,
          propertyName,
          options: { message: 'amount must have at most 2 decimal places' },
          validator: { validate: (value: unknown) => typeof value === 'number' },
        }))
      amount!: number;
    }
    expect(classSchema(Custom).schema.properties!.amount).toEqual({
      type: 'number',
      description: 'amount must have at most 2 decimal places',
    });
  });

  it('gives one property for a query parameter', () => {
    expect(propertySchema(Everything, 'count')).toEqual({
      schema: { type: 'integer', minimum: 1, maximum: 10 },
      required: true,
      nested: [],
    });
    expect(() => propertySchema(Everything, 'missing')).toThrow(/no such validated property/);
  });

  describe('throws on what it cannot describe, so nothing the server checks is left out', () => {
    it('a check it does not know', () => {
      class Unknown {
        @IsEmail() email!: string;
      }
      expect(() => classSchema(Unknown)).toThrow(/Unknown\.email: the check @isEmail is not supported/);
    });

    it("a project's own check with no schema written for it", () => {
      class Unknown {
        @((target: object, propertyName: string) =>
          registerDecorator({ name: 'isPrime', target: target.constructor, propertyName, validator: { validate: () => true } }))
        n!: number;
      }
      expect(() => classSchema(Unknown)).toThrow(/@isPrime is not supported/);
    });

    it('a condition it cannot read', () => {
      class Odd {
        @ValidateIf((_, v) => typeof v !== 'number') @IsString() value!: string;
      }
      expect(() => classSchema(Odd)).toThrow(/a @ValidateIf that skips number/);
    });

    it('a pattern with flags', () => {
      class Flags {
        @Matches(/abc/i) value!: string;
      }
      expect(() => classSchema(Flags)).toThrow(/@Matches with the flags "i"/);
    });

    it('checks that disagree', () => {
      class Both {
        @IsString() @IsInt() value!: string;
      }
      expect(() => classSchema(Both)).toThrow(/two checks that disagree on type/);
    });

    it('@ValidateNested without a class', () => {
      class Loose {
        @ValidateNested() inner!: Inner;
      }
      expect(() => classSchema(Loose)).toThrow(/@ValidateNested without a class in @Type/);
    });

    it('a class without checks', () => {
      class Bare {
        name!: string;
      }
      expect(() => classSchema(Bare)).toThrow(/has no validation decorators/);
    });
  });
});
