import { Response, Router } from 'express';
import { authenticate } from '../auth';
import type { AppContext } from '../context';
import { Article } from '../entities';
import { ErrorCode } from '../errors';
import { sendError } from '../errors/http';
import { annotationsDocument } from './annotations';
import { claimReviewsDocument } from './claim-reviews';

const JSON_LD = 'application/ld+json; charset=utf-8';

/**
 * `GET /articles/{slug}/claim-reviews.jsonld` (schema.org ClaimReviews of its final claims) and
 * `GET /articles/{slug}/annotations.jsonld` (a W3C AnnotationCollection of all its claims).
 * The same read rules as queries: a bad token is refused, and so is no token when reads need one.
 */
export function exportsRouter(app: AppContext): Router {
  const router = Router();
  const { db, config } = app;

  router.use('/articles/:slug', async (req, res, next) => {
    const { reviewer, badToken } = await authenticate(db, req.headers.authorization);
    if (badToken) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'The API token is unknown, revoked or malformed');
      return;
    }
    if (!reviewer && config.requireAuthForReads) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'A valid API token is required: send Authorization: Bearer TOKEN');
      return;
    }
    next();
  });

  const findArticle = (slug: string) => db.reader.getRepository(Article).findOneBy({ slug });
  const notFound = (res: Response, slug: string) => sendError(res, 404, ErrorCode.NOT_FOUND, `Article with slug "${slug}" does not exist`);

  router.get('/articles/:slug/claim-reviews.jsonld', async (req, res) => {
    const article = await findArticle(req.params.slug);
    if (!article) {
      notFound(res, req.params.slug);
      return;
    }
    res.type(JSON_LD).send(JSON.stringify(await claimReviewsDocument(db.reader, config, [article])));
  });

  router.get('/articles/:slug/annotations.jsonld', async (req, res) => {
    const rawPage = req.query.page;
    const page = rawPage === undefined ? undefined : typeof rawPage === 'string' && /^\d{1,9}$/.test(rawPage) ? Number(rawPage) : NaN;
    if (Number.isNaN(page)) {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'page must be a whole number from 0');
      return;
    }
    const article = await findArticle(req.params.slug);
    if (!article) {
      notFound(res, req.params.slug);
      return;
    }
    const document = await annotationsDocument(db.reader, config, article, page);
    if (!document) {
      sendError(res, 404, ErrorCode.NOT_FOUND, `Page ${page} of the annotations of "${article.slug}" does not exist`);
      return;
    }
    res.type(JSON_LD).send(JSON.stringify(document));
  });

  return router;
}
