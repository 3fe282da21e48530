/**
 * The demo page: the live engagement state, a "Chat with an agent" button
 * while Available, a section switcher, SDE buttons, the emulator's switches
 * and the panel of attempts and retries. Plain DOM over the library's
 * public surface (`../../index`, bundled as the browser build).
 *
 * @packageDocumentation
 */
import { BehaviorSubject, Subject } from 'rxjs';
import { cartAttribute, createEngagementClient, createReporter, productViewAttribute, retryPolicy, type ClientEvent, type EngagementAttribute, type EngagementClient, type ReportEvent, type Reporter } from '../../index';
import type { DemoSkill, DemoState } from '../state';
import { loadDemoState, sendDemoCommand } from './control-api';
import { pageEngagement$, type PageState } from './engagement-state';
import { NO_TOTALS, describeEvent, tally, type LogLine, type LogTotals } from './event-log';
import { pageSettings, type PageSettings } from './settings';
import { monitoringBackend } from '../../monitoring/index';
import { stateDetail, stateLabel } from './state-text';

const PRODUCT = { name: 'Trail running shoe', category: 'shoes', sku: 'TR-204', price: 89.9 } as const;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const started = performance.now();
const clock = (): string => `${((performance.now() - started) / 1000).toFixed(2).padStart(6, ' ')} s`;

/** The panel of attempts and retries. */
function logPanel(client: EngagementClient, reporter: Reporter): { clear(): void } {
  const list = byId<HTMLOListElement>('log');
  let totals: LogTotals = NO_TOTALS;
  const showTotals = (): void => {
    byId('total-checks').textContent = String(totals.checks);
    byId('total-attempts').textContent = String(totals.attempts);
    byId('total-retries').textContent = String(totals.retries);
    byId('total-failures').textContent = String(totals.failures);
  };
  const add = (line: LogLine): void => {
    const item = el('li', { 'data-tone': line.tone, 'data-kind': line.kind });
    item.append(el('time', {}, clock()), el('span', {}, line.text));
    list.append(item);
    while (list.children.length > 200) list.firstElementChild?.remove();
    list.scrollTop = list.scrollHeight;
  };
  const onEvent = (event: ClientEvent | ReportEvent): void => {
    totals = tally(totals, event);
    showTotals();
    const line = describeEvent(event);
    if (line !== undefined) add(line);
  };
  client.events$.subscribe(onEvent);
  reporter.events$.subscribe(onEvent);
  return {
    clear() {
      totals = NO_TOTALS;
      showTotals();
      list.replaceChildren();
    },
  };
}

/** The engagement card. */
function renderState(state: PageState): void {
  const badge = byId('engagement-state');
  badge.dataset['status'] = state.status;
  byId('engagement-status').textContent = stateLabel(state);
  byId('engagement-detail').textContent = stateDetail(state);
  const chat = byId<HTMLButtonElement>('chat');
  chat.hidden = state.status !== 'Available';
  if (state.status !== 'Available') byId('chat-note').hidden = true;
}

/** The section switcher: one radio per section the emulator routes. */
function renderSections(state: DemoState, selected: string, onSelect: (section: string) => void): void {
  const fieldset = byId<HTMLFieldSetElement>('sections');
  const legend = fieldset.querySelector('legend');
  fieldset.replaceChildren(...(legend === null ? [] : [legend]));
  for (const section of state.sections) {
    const id = `section-${section.name}`;
    const label = el('label', { class: 'choice', for: id });
    const input = el('input', { type: 'radio', name: 'section', id, value: section.name });
    input.checked = section.name === selected;
    input.addEventListener('change', () => {
      if (input.checked) onSelect(section.name);
    });
    const tag = el('span', { class: section.online ? 'tag' : 'tag offline' }, section.online ? `${section.skill} online` : `${section.skill} offline`);
    label.append(input, el('span', {}, section.name), tag);
    fieldset.append(label);
  }
}

/** One switch per skill: agents online or not. */
function renderSkills(state: DemoState, onToggle: (skill: DemoSkill) => void): void {
  const box = byId('skills');
  box.replaceChildren(
    ...state.skills.map((skill) => {
      const button = el('button', { type: 'button', role: 'switch', class: 'switch good', 'aria-checked': String(skill.online), 'data-skill': skill.name });
      const track = el('span', { class: 'switch-track', 'aria-hidden': 'true' });
      track.append(el('span', { class: 'switch-thumb' }));
      button.append(track, el('span', {}, `${skill.name} agents online`));
      button.addEventListener('click', () => onToggle(skill));
      return button;
    }),
  );
}

/** The failure switch and its status line. */
function renderFailure(state: DemoState, settings: PageSettings): void {
  const sw = byId<HTMLButtonElement>('fail-switch');
  sw.setAttribute('aria-checked', String(state.failure.active));
  const status = byId('fail-status');
  if (!state.failure.active) status.textContent = 'Answering normally.';
  else if (state.failure.remainingMs !== undefined) status.textContent = `Failing: ${Math.ceil(state.failure.remainingMs / 1000)} s left. Watch the retries below.`;
  else status.textContent = `Failing the next ${state.failure.remainingCalls ?? 0} call(s).`;
  byId('fail-label').textContent = `Make the emulator fail for ${settings.failSeconds} s`;
}

async function start(): Promise<void> {
  const settings = pageSettings(window.location.search);
  let demo = await loadDemoState();
  const monitoring = settings.api === 'monitoring';
  const api = monitoring ? `the Monitoring API (app installation ${demo.emulator.appInstallationId ?? ''})` : 'App Engagement';
  const subtitle = byId('subtitle');
  subtitle.textContent = `LivePerson's getEngagement for account ${demo.emulator.accountId} through ${api}, against the emulator at ${demo.emulator.url}. `;
  // The switch between the two APIs: the same page, the other backend.
  const other = new URLSearchParams(window.location.search);
  if (monitoring) other.delete('api');
  else other.set('api', 'monitoring');
  subtitle.append(el('a', { id: 'api-switch', href: `?${other.toString()}` }, monitoring ? 'Use App Engagement' : 'Use the Monitoring API'));

  const backend = monitoring ? { backend: monitoringBackend({ appInstallationId: demo.emulator.appInstallationId ?? '' }) } : {};
  const client = createEngagementClient({ accountId: demo.emulator.accountId, domain: demo.emulator.url, retry: retryPolicy(settings.retry), ...backend });
  const reporter = createReporter(client);
  const log = logPanel(client, reporter);

  const firstSection = demo.sections.find((s) => s.name === settings.section)?.name ?? demo.sections[0]?.name ?? 'Support';
  const section$ = new BehaviorSubject<string>(firstSection);
  const attributes$ = new Subject<EngagementAttribute>();
  const refresh$ = new Subject<void>();

  const redraw = (next: DemoState): void => {
    demo = next;
    renderSections(demo, section$.value, (s) => section$.next(s));
    renderSkills(demo, (skill) => {
      void sendDemoCommand({ skill: skill.name, online: !skill.online }).then((s) => {
        redraw(s);
        refresh$.next();
      });
    });
    renderFailure(demo, settings);
  };
  redraw(demo);

  pageEngagement$(client, { section$, attributes$, refresh$ }, reporter).subscribe(renderState);

  byId('refresh').addEventListener('click', () => refresh$.next());
  byId('clear-log').addEventListener('click', () => log.clear());
  byId('chat').addEventListener('click', () => {
    const note = byId('chat-note');
    note.textContent = 'The chat window would open here (the emulator answers getEngagement only; it does not emulate the chat itself).';
    note.hidden = false;
  });

  // SDEs: built (and validated) by the library's builders, reported with Update Session.
  const reported = byId<HTMLUListElement>('reported');
  let cartItems = 0;
  const report = (attribute: EngagementAttribute, text: string): void => {
    reported.querySelector('.empty')?.remove();
    reported.append(el('li', { 'data-type': attribute.type }, text));
    attributes$.next(attribute);
  };
  reporter.outbox$.subscribe((outbox) => {
    const waiting = outbox.waitingForSession ? ' (waiting for a session)' : outbox.sending ? ' (sending)' : '';
    byId('outbox').textContent = `Outbox: ${outbox.pending} pending${waiting}, ${outbox.delivered} delivered.`;
  });
  byId('view-product').addEventListener('click', () => {
    const built = productViewAttribute({ currency: 'USD', products: [{ product: { ...PRODUCT } }] });
    if (built._tag === 'Right') report(built.right, `prodView · ${PRODUCT.name}`);
  });
  byId('add-to-cart').addEventListener('click', () => {
    cartItems += 1;
    const built = cartAttribute({ total: Math.round(cartItems * PRODUCT.price * 100) / 100, currency: 'USD', numItems: cartItems, products: [{ product: { ...PRODUCT }, quantity: cartItems }] });
    if (built._tag === 'Right') report(built.right, `cart · ${cartItems} × ${PRODUCT.name}, USD ${built.right.total.toFixed(2)}`);
  });

  // The failure switch: on for `failSeconds`, then the emulator recovers by itself.
  let polling: ReturnType<typeof setInterval> | undefined;
  const poll = (): void => {
    if (polling !== undefined) return;
    polling = setInterval(() => {
      void loadDemoState().then((s) => {
        redraw(s);
        if (!s.failure.active && polling !== undefined) {
          clearInterval(polling);
          polling = undefined;
        }
      });
    }, 250);
  };
  byId('fail-switch').addEventListener('click', () => {
    const fault = byId<HTMLSelectElement>('fault').value;
    const turnOn = !demo.failure.active;
    void sendDemoCommand(turnOn ? { fail: settings.failSeconds, fault } : { fail: 0 }).then((s) => {
      redraw(s);
      if (turnOn) {
        poll();
        refresh$.next();
      }
    });
  });

  byId('app').setAttribute('aria-busy', 'false');
  document.body.dataset['ready'] = 'true';
}

start().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  renderState({ status: 'Failed', message: `the demo could not start (${message})` });
  byId('app').setAttribute('aria-busy', 'false');
});
