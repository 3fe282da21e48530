/**
 * What a thrown value is called in a log entry: its name, never its message.
 */
import { thrownName } from '../../src/legacy/telemetry';

describe('thrownName', () => {
  it('names errors by their name and other values by their type', () => {
    expect(thrownName(new TypeError('personal data here'))).toBe('TypeError');
    expect(thrownName({ name: 'CustomError', message: 'x' })).toBe('CustomError');
    expect(thrownName('a string with personal data')).toBe('string');
    expect(thrownName(undefined)).toBe('undefined');
    expect(thrownName(null)).toBe('object');
    expect(thrownName({ name: 'x'.repeat(100) })).toBe('object');
  });
});
