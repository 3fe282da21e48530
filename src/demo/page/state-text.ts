/**
 * The words the page shows for an engagement state. Pure.
 *
 * @packageDocumentation
 */
import type { PageState } from './engagement-state';

/**
 * The short label of a state.
 *
 * @example
 * ```ts
 * stateLabel({ status: 'NotAvailable' }); // 'Not available'
 * ```
 * @since 0.1.0
 */
export function stateLabel(state: PageState): string {
  switch (state.status) {
    case 'Idle':
      return 'Idle';
    case 'Checking':
      return 'Checking…';
    case 'Available':
      return 'Available';
    case 'NotAvailable':
      return 'Not available';
    case 'Conversation':
      return 'Conversation';
    case 'Expired':
      return 'Expired';
    case 'Paused':
      return 'Paused';
    case 'Failed':
      return 'Failed';
  }
}

/**
 * The sentence under the label; it names the section of the check that is
 * running or that answered.
 *
 * @example
 * ```ts
 * stateDetail({ status: 'Checking', section: 'Sales' }); // 'Asking whether an agent can take a chat in Sales…'
 * ```
 * @since 0.1.0
 */
export function stateDetail(state: PageState): string {
  switch (state.status) {
    case 'Idle':
      return 'No check yet.';
    case 'Checking':
      return `Asking whether an agent can take a chat in ${state.section}…`;
    case 'Available': {
      const d = state.engagement.engagementDetails;
      const skill = d.skillName === undefined ? '' : ` with ${d.skillName}`;
      return `An agent can chat${skill} (engagement ${d.engagementId}${d.validForSeconds === undefined ? '' : `, valid for ${Math.round(d.validForSeconds / 60)} min`}).`;
    }
    case 'NotAvailable':
      return `No agent can take a chat in ${state.section} right now.`;
    case 'Conversation':
      return 'The visitor has a conversation going on: resume it.';
    case 'Expired':
      return 'The engagement expired: checking again will renew it.';
    case 'Paused':
      return 'Paused while the page is hidden or offline.';
    case 'Failed':
      return `The check failed: ${state.message}`;
  }
}
