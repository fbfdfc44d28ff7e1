import type { ReactNode } from 'react';
import type { ApiFailure } from './errors';
import { STATE_LABEL, words } from './format';
import { STATES, VerificationState } from './types';

export function StateBadge(props: { state: VerificationState }) {
  return <span className={`badge state-${props.state}`}>{STATE_LABEL[props.state]}</span>;
}

export function StanceBadge(props: { stance: string }) {
  return <span className={`stance stance-${props.stance}`}>{words(props.stance)}</span>;
}

export function StateLegend() {
  return (
    <ul className="legend" aria-label="Highlight colours">
      {STATES.map((state) => (
        <li key={state}>
          <StateBadge state={state} />
        </li>
      ))}
    </ul>
  );
}

export function Failure(props: { failure: ApiFailure | null; children?: ReactNode }) {
  if (!props.failure) return null;
  return (
    <div className="notice error" role="alert">
      {props.children ?? props.failure.message} <code>{props.failure.code}</code>
    </div>
  );
}

export function FieldProblems(props: { id: string; messages: string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <ul className="field-problems" id={props.id} role="alert">
      {props.messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

export function Loading() {
  return <p className="muted" aria-live="polite">Loading…</p>;
}
