import type { VerificationState } from './types';

export const STATE_LABEL: Record<VerificationState, string> = {
  UNVERIFIED: 'Unverified',
  IN_REVIEW: 'In review',
  DISPUTED: 'Disputed',
  VERIFIED: 'Verified',
  FALSE: 'False',
  MISLEADING: 'Misleading',
  UNVERIFIABLE: 'Unverifiable',
};

export function words(constant: string): string {
  const lower = constant.toLowerCase().replace(/_/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function dateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

export function date(iso: string | null): string {
  return iso ? DATE.format(new Date(iso)) : '';
}
