/**
 * A fresh emulator (a real node:http server on 127.0.0.1, port 0) for each
 * test of a block, and ChatOverRestAPI instances pointed at it, disposed
 * after the test.
 */
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { ChatOverRestAPI, type LegacyChatConfig } from '../../src/legacy/chat-over-rest-api';

export interface LegacyChats {
  readonly emulator: RunningEmulator;
  /** A ChatOverRestAPI on the emulator's account and origin, with `config` on top. */
  create(config?: Partial<LegacyChatConfig>): ChatOverRestAPI;
}

/** Registers the hooks (`options` for each emulator); read `emulator` and call `create` inside the tests. */
export function useEmulatorAndChats(options: Parameters<typeof startEmulator>[0] = {}): LegacyChats {
  let emulator: RunningEmulator | undefined;
  const chats: ChatOverRestAPI[] = [];
  beforeEach(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(async () => {
    for (const c of chats.splice(0)) c.dispose();
    await emulator?.close();
  });
  return {
    get emulator() {
      return emulator as RunningEmulator;
    },
    create(config = {}) {
      const running = emulator as RunningEmulator;
      const chat = new ChatOverRestAPI({ lpNumber: running.accountId, engagementDomain: running.url, ...config });
      chats.push(chat);
      return chat;
    },
  };
}
