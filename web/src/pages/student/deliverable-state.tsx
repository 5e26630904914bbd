import { useT } from '../../i18n/i18n.js';
import type { MeDeliverable } from './student-data.js';
import { studentMessages } from './student-messages.js';

const LOOK = { none: 'warn', submitted: 'ok', late: 'warn' } as const;
const KEY = { none: 'stateNone', submitted: 'stateSubmitted', late: 'stateLate' } as const;

/** A deliverable's state in words and colour (the colour is never the only sign). */
export const DeliverableState = ({ state }: { state: MeDeliverable['state'] }) => {
  const s = useT(studentMessages);
  return <strong class={LOOK[state]}>{s(KEY[state])}</strong>;
};
