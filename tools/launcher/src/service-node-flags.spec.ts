import { withServiceNodeFlags } from './service-node-flags';

describe('the Node flags the launcher gives the services', () => {
  it('adds the smaller young generation to what NODE_OPTIONS has', () => {
    expect(withServiceNodeFlags(undefined)).toBe('--max-semi-space-size=4');
    expect(withServiceNodeFlags('--require ./x.js')).toBe('--require ./x.js --max-semi-space-size=4');
  });

  it("keeps the operator's own value", () => {
    expect(withServiceNodeFlags('--max-semi-space-size=16')).toBe('--max-semi-space-size=16');
  });
});
