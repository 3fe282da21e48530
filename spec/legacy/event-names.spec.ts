/**
 * The legacy names: every event the legacy SDK knows, its chat states, the
 * methods engagement-rx does not implement.
 */
import { CHAT_STATES, LEGACY_EVENT_NAMES, NO_CHAT_GETTERS, UNSUPPORTED_METHODS, isLegacyEventName, unsupportedMessage } from '../../src/legacy/event-names';

describe('the legacy names', () => {
  it('lists the 34 events of the legacy SDK once each, all named on*', () => {
    expect(LEGACY_EVENT_NAMES).toHaveLength(34);
    expect(new Set(LEGACY_EVENT_NAMES).size).toBe(34);
    expect(LEGACY_EVENT_NAMES.every((n) => /^on[A-Z]/.test(n))).toBe(true);
    for (const documented of ['onLoad', 'onInit', 'onEngagement', 'onRequestChat', 'onStart', 'onState', 'onStop', 'onLine', 'onInfo', 'onAgentTyping', 'onTranscript', 'onVisitorDisposed', 'onAccountToAccountTransfer', 'onPreChatSurvey', 'onOfflineSurvey', 'onExitSurvey']) {
      expect(isLegacyEventName(documented)).toBe(true);
    }
    expect(isLegacyEventName('onSomethingElse')).toBe(false);
  });

  it('has the documented chat states plus paused and resumepaused, frozen', () => {
    expect(Object.values(CHAT_STATES).sort()).toEqual(['chatting', 'ended', 'initialised', 'notfound', 'paused', 'resume', 'resumepaused', 'uninitialised', 'waiting']);
    expect(Object.isFrozen(CHAT_STATES)).toBe(true);
  });

  it('never lists a method both as unsupported and as a getter, nor getEngagement', () => {
    const getters = Object.keys(NO_CHAT_GETTERS);
    expect(UNSUPPORTED_METHODS.filter((m) => getters.includes(m))).toEqual([]);
    expect(UNSUPPORTED_METHODS).not.toContain('getEngagement');
    expect(new Set(UNSUPPORTED_METHODS).size).toBe(UNSUPPORTED_METHODS.length);
  });

  it('words the unsupported answer with the method name first', () => {
    expect(unsupportedMessage('requestChat')).toMatch(/^requestChat is not supported by engagement-rx: .*docs\/legacy\.md/);
  });
});
