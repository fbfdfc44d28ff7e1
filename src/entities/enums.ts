import { registerEnumType } from 'type-graphql';
import {
  AnchorStatus, ClaimEventKind, EvidenceStance, Role, SourceKind, Stance, Verdict, VerificationState,
} from '../domain/types';

registerEnumType(Stance, { name: 'Stance', description: "The source's commitment to its own statement." });
registerEnumType(SourceKind, { name: 'SourceKind' });
registerEnumType(VerificationState, { name: 'VerificationState' });
registerEnumType(Verdict, { name: 'Verdict' });
registerEnumType(EvidenceStance, { name: 'EvidenceStance' });
registerEnumType(ClaimEventKind, { name: 'ClaimEventKind' });
registerEnumType(AnchorStatus, { name: 'AnchorStatus', description: "How a claim's quote stands in the article's current revision." });
registerEnumType(Role, { name: 'Role', description: 'VIEWER < REVIEWER < EDITOR' });

export { AnchorStatus, ClaimEventKind, EvidenceStance, Role, SourceKind, Stance, Verdict, VerificationState };
