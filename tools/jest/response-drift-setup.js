// Every answer of the gateway an e2e test receives is checked against the OpenAPI document (libs/testing:
// validatingFetch, apiCaller, the raw socket helpers). A mismatch is thrown where it can be, and always written
// down: here it fails the test that received it, also when an SDK or the test swallowed the error, or when the
// answer was a stream checked while the test read it.
const { failOnResponseDrift } = require('@switchyard/testing');

afterEach(failOnResponseDrift);
afterAll(failOnResponseDrift);
