/**
 * The `engagement-rx/node` entry exports its names one by one, nothing else.
 */
import * as nodeEntry from '../../src/node/index';

describe('engagement-rx/node', () => {
  it('exports the file stores, the node:http fetch, asyncSessionStore and forVisitor, and nothing else at run time', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(['asyncSessionStore', 'fileOutboxStore', 'fileSessionStore', 'forVisitor', 'nodeHttpFetch']);
    expect(typeof nodeEntry.nodeHttpFetch).toBe('function');
    expect(typeof nodeEntry.fileSessionStore).toBe('function');
  });
});
