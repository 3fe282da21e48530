import { corsHeaders, emptyReply, errorReply, jsonReply, preflightReply } from '../../src/emulator/reply';

describe('replies', () => {
  it('builds JSON, empty and error answers', () => {
    expect(jsonReply(200, { a: 1 })).toEqual({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(jsonReply(200, undefined).body).toBe('null');
    expect(emptyReply(200)).toEqual({ status: 200, headers: {}, body: '' });
    expect(JSON.parse(errorReply(404, 5, 'Not found', 0).body)).toEqual({ time: 5, message: 'Not found', internalCode: 0 });
  });

  it('echoes a sane Origin and falls back to * otherwise', () => {
    expect(corsHeaders('https://a.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://a.example',
      'Access-Control-Expose-Headers': 'Retry-After',
      Vary: 'Origin',
    });
    expect(corsHeaders(undefined)['Access-Control-Allow-Origin']).toBe('*');
    expect(corsHeaders('')['Access-Control-Allow-Origin']).toBe('*');
    // A page whose Origin cannot be echoed safely, or is not allowed, gets no CORS access at all.
    expect(corsHeaders('https://a\r\nSet-Cookie: x')).not.toHaveProperty('Access-Control-Allow-Origin');
    expect(corsHeaders('https://a.example', () => false)).toEqual({ 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' });
  });

  it('answers preflights with 204 and no body', () => {
    const r = preflightReply();
    expect(r.status).toBe(204);
    expect(r.body).toBe('');
    expect(r.headers['Access-Control-Allow-Methods']).toBe('GET, POST, PUT, OPTIONS');
  });
});
