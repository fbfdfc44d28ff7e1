export { exportsRouter } from './router';
export { claimReviewOf, claimReviewsDocument } from './claim-reviews';
export { annotationsDocument } from './annotations';
export { exportLinks } from './links';
