import { configScript, contentSecurityPolicy } from '../../src/demo/handler';

describe('contentSecurityPolicy', () => {
  it('allows requests to the emulator and scripts from the demo server only', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:4010', false);
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "connect-src 'self' http://127.0.0.1:4010",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
  });

  it('allows inline scripts for the legacy-style page only', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:4010', true)).toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('configScript', () => {
  it('defines demoConfig and engagementRxDefaults', () => {
    const window: Record<string, unknown> = {};
    new Function('window', configScript({ url: 'http://127.0.0.1:4010', accountId: '12345678' }))(window);
    expect(window).toEqual({
      demoConfig: { emulatorUrl: 'http://127.0.0.1:4010', accountId: '12345678' },
      engagementRxDefaults: { engagementDomain: 'http://127.0.0.1:4010' },
    });
  });

  it('cannot close a script element whatever the values', () => {
    const script = configScript({ url: 'http://x/</script><script>alert(1)</script>', accountId: '</script>' });
    expect(script).not.toContain('</script>');
    const window: Record<string, unknown> = {};
    new Function('window', script)(window);
    expect((window['demoConfig'] as { accountId: string }).accountId).toBe('</script>');
  });
});
