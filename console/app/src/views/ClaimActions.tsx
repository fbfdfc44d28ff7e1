import { FormEvent, useState } from 'react';
import { CombinedError, useMutation } from 'urql';
import { FieldProblems, Failure } from '../components';
import { ApiFailure, failureOf, problemsFor } from '../errors';
import { STATE_LABEL, words } from '../format';
import { ASSIGN_CLAIM, SET_CLAIM_STATE, START_REVIEW, SUBMIT_REVIEW } from '../operations';
import { ClaimDetail, EVIDENCE_STANCES, EvidenceStance, FINAL_STATES, Me, STATES, VerificationState, Verdict, VERDICTS } from '../types';

interface ActionProps {
  claim: ClaimDetail;
  /** A CONFLICT: the view refetches the claim and says so; the form keeps what was typed. */
  onConflict(): void;
  onDone(): void;
}

/** Runs a mutation result through the console's error rules; returns the failure to show next to the form, if any. */
function outcome(error: CombinedError | undefined, props: ActionProps): ApiFailure | null {
  const failure = failureOf(error);
  if (failure?.code === 'CONFLICT') {
    props.onConflict();
    return null;
  }
  if (!failure) props.onDone();
  return failure;
}

/** Problems the form shows next to no field of its own. */
function otherProblems(failure: ApiFailure | null, fields: (field: string) => boolean): ApiFailure | null {
  if (!failure) return null;
  if (failure.problems.length === 0) return failure;
  const rest = failure.problems.filter((problem) => !fields(problem.field));
  return rest.length ? { ...failure, message: rest.map((p) => `${p.field}: ${p.message}`).join('; '), problems: rest } : null;
}

interface EvidenceDraft {
  url: string;
  title: string;
  stance: EvidenceStance;
}

const newKey = () => crypto.randomUUID();

export function ReviewActions(props: ActionProps) {
  const { claim } = props;
  const [started, startReview] = useMutation(START_REVIEW);
  const [submitted, submitReview] = useMutation(SUBMIT_REVIEW);
  const [verdict, setVerdict] = useState<Verdict>('SUPPORTED');
  const [confidence, setConfidence] = useState('0.8');
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([{ url: '', title: '', stance: 'SUPPORTS' }]);
  // One key per verdict being written: a resend after a lost response is replayed, not stored twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [startFailure, setStartFailure] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState(false);

  const open = !FINAL_STATES.includes(claim.state);
  const start = async () => {
    const result = await startReview({ input: { claimId: claim.id, expectedVersion: claim.version } });
    setStartFailure(outcome(result.error, props));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      claimId: claim.id,
      expectedVersion: claim.version,
      verdict,
      confidence: Number(confidence),
      rationale,
      evidence: evidence
        .filter((item) => item.url.trim() !== '' || item.title.trim() !== '')
        .map((item) => ({ url: item.url.trim(), stance: item.stance, ...(item.title.trim() ? { title: item.title.trim() } : {}) })),
      idempotencyKey,
    };
    const result = await submitReview({ input });
    const next = outcome(result.error, props);
    setFailure(next);
    if (!result.error) {
      setSaved(true);
      setRationale('');
      setEvidence([{ url: '', title: '', stance: 'SUPPORTS' }]);
      setIdempotencyKey(newKey());
    }
  };
  const setItem = (index: number, patch: Partial<EvidenceDraft>) =>
    setEvidence(evidence.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const ownField = (field: string) => ['verdict', 'confidence', 'rationale', 'evidence'].includes(field) || /^evidence\[\d+\]/.test(field);

  if (!open) {
    return <p className="muted">This claim is {STATE_LABEL[claim.state].toLowerCase()}: an editor can reopen it.</p>;
  }
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {claim.state === 'UNVERIFIED' && (
        <p>
          <button type="button" onClick={start} disabled={started.fetching}>Start review</button>
        </p>
      )}
      <Failure failure={startFailure} />
      <form className="form" onSubmit={submit} aria-label="Submit a verdict" noValidate>
        <label htmlFor="verdict">Verdict</label>
        <select id="verdict" value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} aria-describedby="verdict-problems">
          {VERDICTS.map((value) => (
            <option key={value} value={value}>{words(value)}</option>
          ))}
        </select>
        <FieldProblems id="verdict-problems" messages={problemsFor(failure, 'verdict')} />

        <label htmlFor="confidence">Confidence (0 to 1)</label>
        <input id="confidence" type="number" min="0" max="1" step="0.05" value={confidence} onChange={(e) => setConfidence(e.target.value)} aria-describedby="confidence-problems" />
        <FieldProblems id="confidence-problems" messages={problemsFor(failure, 'confidence')} />

        <label htmlFor="rationale">Rationale</label>
        <textarea id="rationale" rows={4} value={rationale} onChange={(e) => setRationale(e.target.value)} aria-describedby="rationale-problems" />
        <FieldProblems id="rationale-problems" messages={problemsFor(failure, 'rationale')} />

        <fieldset className="evidence-fields">
          <legend>Evidence</legend>
          <FieldProblems id="evidence-problems" messages={problemsFor(failure, 'evidence')} />
          {evidence.map((item, i) => (
            <div className="evidence-row" key={i}>
              <label htmlFor={`evidence-${i}-url`}>Link {i + 1}</label>
              <input id={`evidence-${i}-url`} type="url" placeholder="https://…" value={item.url} onChange={(e) => setItem(i, { url: e.target.value })} aria-describedby={`evidence-${i}-url-problems`} />
              <FieldProblems id={`evidence-${i}-url-problems`} messages={problemsFor(failure, `evidence[${i}].url`)} />
              <label htmlFor={`evidence-${i}-title`}>Link {i + 1} title</label>
              <input id={`evidence-${i}-title`} value={item.title} onChange={(e) => setItem(i, { title: e.target.value })} />
              <label htmlFor={`evidence-${i}-stance`}>Link {i + 1} stance</label>
              <select id={`evidence-${i}-stance`} value={item.stance} onChange={(e) => setItem(i, { stance: e.target.value as EvidenceStance })}>
                {EVIDENCE_STANCES.map((value) => (
                  <option key={value} value={value}>{words(value)}</option>
                ))}
              </select>
              {evidence.length > 1 && (
                <button type="button" onClick={() => setEvidence(evidence.filter((_, j) => j !== i))}>Remove link {i + 1}</button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setEvidence([...evidence, { url: '', title: '', stance: 'SUPPORTS' }])}>Add evidence</button>
        </fieldset>
        <Failure failure={otherProblems(failure, ownField)} />
        <button type="submit" className="primary" disabled={submitted.fetching}>Submit verdict</button>
        {saved && <p role="status" className="ok">Verdict recorded.</p>}
      </form>
    </section>
  );
}

export function EditorActions(props: ActionProps & { me: Me }) {
  const { claim, me } = props;
  const [assigned, assignClaim] = useMutation(ASSIGN_CLAIM);
  const [stateSet, setClaimState] = useMutation(SET_CLAIM_STATE);
  const [reviewerId, setReviewerId] = useState(me.id);
  const [assignFailure, setAssignFailure] = useState<ApiFailure | null>(null);
  const [state, setState] = useState<VerificationState>(claim.state === 'VERIFIED' ? 'IN_REVIEW' : 'VERIFIED');
  const [note, setNote] = useState('');
  const [stateFailure, setStateFailure] = useState<ApiFailure | null>(null);

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    const result = await assignClaim({ input: { claimId: claim.id, reviewerId: reviewerId.trim(), expectedVersion: claim.version } });
    setAssignFailure(outcome(result.error, props));
  };
  const changeState = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setClaimState({ input: { claimId: claim.id, expectedVersion: claim.version, state, note } });
    const failure = outcome(result.error, props);
    setStateFailure(failure);
    if (!result.error) setNote('');
  };
  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading">Editor</h2>
      <form className="form" onSubmit={assign} aria-label="Assign the claim" noValidate>
        <label htmlFor="assignee">Assign to reviewer (id)</label>
        <input id="assignee" value={reviewerId} onChange={(e) => setReviewerId(e.target.value)} aria-describedby="assignee-problems" />
        <FieldProblems id="assignee-problems" messages={problemsFor(assignFailure, 'reviewerId')} />
        <Failure failure={otherProblems(assignFailure, (field) => field === 'reviewerId')} />
        <button type="submit" disabled={assigned.fetching}>Assign</button>
      </form>
      <form className="form" onSubmit={changeState} aria-label="Set the claim's state" noValidate>
        <label htmlFor="new-state">New state</label>
        <select id="new-state" value={state} onChange={(e) => setState(e.target.value as VerificationState)}>
          {STATES.map((value) => (
            <option key={value} value={value}>{STATE_LABEL[value]}</option>
          ))}
        </select>
        <FieldProblems id="new-state-problems" messages={problemsFor(stateFailure, 'state')} />
        <label htmlFor="note">Note</label>
        <textarea id="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="note-problems" />
        <FieldProblems id="note-problems" messages={problemsFor(stateFailure, 'note')} />
        <Failure failure={otherProblems(stateFailure, (field) => field === 'note' || field === 'state')} />
        <button type="submit" disabled={stateSet.fetching}>Set state</button>
      </form>
    </section>
  );
}
