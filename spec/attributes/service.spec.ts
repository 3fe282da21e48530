import { decodeAttribute } from '../../src/attributes/attribute';
import { ServiceStatus } from '../../src/attributes/enums';
import { serviceActivityAttribute } from '../../src/attributes/service';
import { serviceApiExample, serviceExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('service', () => {
  it('builds the documented examples with the status constants', () => {
    expect(rightOf(serviceActivityAttribute({ ...serviceExample.service, status: ServiceStatus.Complete }))).toStrictEqual(serviceExample);
    expect(rightOf(serviceActivityAttribute({ ...serviceApiExample.service, status: ServiceStatus.Complete }))).toStrictEqual(serviceApiExample);
  });

  it('accepts every status from 0 to 13', () => {
    for (let status = 0; status <= 13; status++) {
      expect(rightOf(decodeAttribute({ type: 'service', service: { status } }))).toStrictEqual({ type: 'service', service: { status } });
    }
  });

  it('refuses a status outside 0-13, fractional, or as a string', () => {
    for (const status of [14, -1, 1.5, '1', 'InProgress']) {
      expect(issuesOf(decodeAttribute({ type: 'service', service: { status } }))).toEqual([
        { path: 'service.status', reason: expect.stringMatching(/^expected an integer from 0 to 13, got /) },
      ]);
    }
  });
});
