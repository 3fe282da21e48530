import { runEmulator } from '../../src/cli/emulator-command';
import { recordingIo as io } from '../helpers/cli-io';
import { emulatorPerTest } from '../helpers/emulator-per-test';


describe('engagement-rx emulator', () => {
  const start = emulatorPerTest();

  it('serves until stopped, printing where and the check command that reaches it', async () => {
    let stop: () => void = () => undefined;
    const t = io(new Promise<void>((resolve) => (stop = resolve)));
    const running = runEmulator({ command: 'emulator', port: 0, account: 'acc9' }, t.io);
    while (t.out.length < 3) await new Promise((r) => setImmediate(r));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+) \(account acc9, Monitoring app installation id emulator-app\)/.exec(t.out[0] ?? '')?.[1] ?? '';
    expect(t.out[1]).toBe(`check it from another terminal: engagement-rx check --domain ${url} --account acc9`);
    expect(t.out[2]).toBe(`or through the Monitoring API: engagement-rx check --api monitoring --app-installation-id emulator-app --domain ${url} --account acc9`);
    const res = await fetch(`${url}/api/account/acc9/service/baseURI.json?version=1.0`);
    expect(res.status).toBe(200);
    stop();
    expect(await running).toEqual({ _tag: 'Right', right: 0 });
    await expect(fetch(`${url}/api/account/acc9/service/baseURI.json?version=1.0`)).rejects.toThrow();
  });

  it('says in one line that a busy port is in use, with status 1', async () => {
    const busy = await start();
    const port = Number(new URL(busy.url).port);
    const t = io(Promise.resolve());
    expect(await runEmulator({ command: 'emulator', port }, t.io)).toEqual({
      _tag: 'Left',
      left: { exitCode: 1, message: `port ${port} is in use (pick another with --port, or --port 0 for a free one)` },
    });
    expect(t.out).toEqual([]);
  });
});
