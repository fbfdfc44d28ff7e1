import { gql } from 'urql';
import { STATES } from './types';

// One alias per state, so the articles list shows each article's claim counts in a single request.
const stateCounts = STATES.map((state) => `${state}: claims(first: 1, filter: { states: [${state}] }) { totalCount }`).join('\n');

export const ME = gql`
  query Me { me { id name role } }
`;

export const ARTICLES = gql`
  query Articles($after: String) {
    articles(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id slug title publisher publishedAt total: claims(first: 1) { totalCount } ${stateCounts} } }
    }
  }
`;

export const ARTICLE = gql`
  query Article($slug: String!, $after: String) {
    article(slug: $slug) {
      id slug title url publisher publishedAt body
      claims(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id text state stance quote { start end exact } source { id name } } }
      }
    }
  }
`;

export const CLAIMS = gql`
  query Claims($after: String, $filter: ClaimFilter) {
    claims(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id text state stance updatedAt source { id name } article { id slug title } } }
    }
  }
`;

export const FILTER_OPTIONS = gql`
  query FilterOptions {
    articles(first: 100) { edges { node { id title } } }
    sources(first: 100) { edges { node { id name } } }
  }
`;

const CLAIM_DETAIL = gql`
  fragment ClaimDetail on Claim {
    id version text state stance checkworthiness updatedAt
    quote { exact prefix suffix start end }
    source { id name kind affiliation }
    article { id slug title publisher }
    assignee { id name }
    reviews { id verdict confidence rationale createdAt reviewer { id name } evidence { url title excerpt stance } }
    history { id kind fromState toState note at actor { id name } }
  }
`;

export const CLAIM = gql`
  query Claim($id: ID!) { claim(id: $id) { ...ClaimDetail } }
  ${CLAIM_DETAIL}
`;

export const START_REVIEW = gql`
  mutation StartReview($input: StartReviewInput!) { startReview(input: $input) { ...ClaimDetail } }
  ${CLAIM_DETAIL}
`;

export const SUBMIT_REVIEW = gql`
  mutation SubmitReview($input: SubmitReviewInput!) { submitReview(input: $input) { ...ClaimDetail } }
  ${CLAIM_DETAIL}
`;

export const ASSIGN_CLAIM = gql`
  mutation AssignClaim($input: AssignClaimInput!) { assignClaim(input: $input) { ...ClaimDetail } }
  ${CLAIM_DETAIL}
`;

export const SET_CLAIM_STATE = gql`
  mutation SetClaimState($input: SetClaimStateInput!) { setClaimState(input: $input) { ...ClaimDetail } }
  ${CLAIM_DETAIL}
`;

export const CLAIM_CHANGED_DETAIL = gql`
  subscription ClaimChangedDetail($claimId: ID) { claimChanged(claimId: $claimId) { event { id kind } claim { ...ClaimDetail } } }
  ${CLAIM_DETAIL}
`;

export const CLAIM_CHANGED_STATE = gql`
  subscription ClaimChangedState($articleId: ID) { claimChanged(articleId: $articleId) { event { id kind } claim { id state version updatedAt article { id } } } }
`;

export const ARTICLE_ADDED = gql`
  subscription ArticleAdded { articleAdded { id slug title } }
`;
