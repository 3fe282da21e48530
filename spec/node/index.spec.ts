/**
 * The `engagement-rx/node` entry exports its names one by one, nothing else.
 */
import * as nodeEntry from '../../src/node/index';

describe('engagement-rx/node', () => {
  it('exports the file stores and the node:http fetch, and nothing else at run time', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(['fileOutboxStore', 'fileSessionStore', 'nodeHttpFetch']);
    expect(typeof nodeEntry.nodeHttpFetch).toBe('function');
    expect(typeof nodeEntry.fileSessionStore).toBe('function');
  });
});
