import Ajv from 'ajv';
import { getMetadataStorage } from 'class-validator';
import { CompletionsBody, CreateBatchBody, CreateChannelBody, EmbeddingsBody, RerankBody, SetPriceBody } from '@switchyard/contracts';
import { CUSTOM_CONSTRAINT_NAMES, customConstraintSchema } from './custom-constraints';

type Ctor = new () => object;

/** The check named `name` on `cls.property`, as the server runs it. */
function serverCheck(cls: Ctor, property: string, name: string): (value: unknown) => boolean {
  const storage = getMetadataStorage();
  const metadata = storage
    .getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined)
    .find((m) => m.propertyName === property && m.name === name);
  if (!metadata) throw new Error(`${cls.name}.${property} has no @${name}`);
  const [constraint] = storage.getTargetValidatorConstraints(metadata.constraintCls);
  return (value) =>
    Boolean(constraint.instance.validate(value, { value, constraints: metadata.constraints, targetName: cls.name, object: {}, property }));
}

const ajv = new Ajv({ strict: false, validateFormats: false });

/**
 * Each hand-written schema of a custom check, against the check itself on sample values: they must
 * agree. What OpenAPI 3.0 cannot say is left to the description (and out of the samples): the
 * length of metadata keys, the number of decimal places, which URLs Node's URL parser refuses.
 */
const CASES: { name: string; cls: Ctor; property: string; samples: unknown[] }[] = [
  {
    name: 'isEmbeddingInput',
    cls: EmbeddingsBody,
    property: 'input',
    samples: ['a', '', [], ['a'], ['', 'b'], [1, 2], [[1, 2]], [[]], [['a']], [1.5], 5, {}, [null]],
  },
  {
    name: 'isPromptInput',
    cls: CompletionsBody,
    property: 'prompt',
    samples: ['x', '', [], ['a', 1, [1, 2]], [[]], [null], [[1.5]], 3, {}],
  },
  {
    name: 'isRerankDocuments',
    cls: RerankBody,
    property: 'documents',
    samples: [['a'], [], [{ text: 'a' }], [{ text: 1 }], [{}], [null], 'a', Array(10_000).fill('a'), Array(10_001).fill('a')],
  },
  {
    name: 'isBatchMetadata',
    cls: CreateBatchBody,
    property: 'metadata',
    samples: [
      { a: 'b' },
      {},
      { a: 1 },
      Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])),
      Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])),
      { a: 'x'.repeat(512) },
      { a: 'x'.repeat(513) },
      [],
      'x',
    ],
  },
  { name: 'isDecimalNumber', cls: SetPriceBody, property: 'input_per_million', samples: [1, 0.5, 0.000000001, 'x', true] },
  {
    name: 'isBaseUrl',
    cls: CreateChannelBody,
    property: 'base_url',
    samples: ['https://api.example.com', 'http://localhost:8080', 'HTTPS://API.EXAMPLE.COM/v1', 'ftp://example.com', 'api.example.com', 5],
  },
];

describe('the schemas of the payload classes’ own checks', () => {
  it('describes every check it has a case for, and has a case for every check it describes', () => {
    expect(CASES.map((c) => c.name).sort()).toEqual([...CUSTOM_CONSTRAINT_NAMES].sort());
  });

  for (const { name, cls, property, samples } of CASES) {
    it(`agrees with @${name} (${cls.name}.${property})`, () => {
      const check = serverCheck(cls, property, name);
      const schema = ajv.compile(customConstraintSchema(name)!);
      const disagreements = samples
        .filter((sample) => schema(sample) !== check(sample))
        .map((sample) => JSON.stringify(sample).slice(0, 60));
      expect(disagreements).toEqual([]);
    });
  }

  it('knows no check it is not asked about', () => {
    expect(customConstraintSchema('isPrime')).toBeNull();
    expect(customConstraintSchema('toString')).toBeNull();
  });
});
