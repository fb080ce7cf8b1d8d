import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import type { BoxHandoffGuides } from '../guide/BoxHandoffGuides';
import { referenceOf } from '../guide/referenceOf';

export interface RouterOptions {
  guides: BoxHandoffGuides;
  httpAuth: HttpAuthService;
}

/** One configured box, as `GET /boxes` lists it. */
export interface HandoffBoxSummary {
  name: string;
  title?: string;
  description?: string;
}

/** `component:sodimo/piler`, `Component:sodimo/piler` → `component:sodimo/piler`; no default kind. */
function normalizedRef(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '')
    throw new InputError(
      'give the entity as ?entityRef=<kind>:<namespace>/<name>, e.g. component:sodimo/piler',
    );
  try {
    return stringifyEntityRef(parseEntityRef(text.trim()));
  } catch (error) {
    throw new InputError(
      `entityRef "${text}" is not an entity ref (<kind>:<namespace>/<name>): ${
        (error as Error).message
      }`,
    );
  }
}

/** The handoff guide's HTTP API (docs/handoff.md), mounted at `/api/quadlet`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { guides, httpAuth } = options;
  const router = Router();

  // Signed-in users and other backends; the guide holds no secret values, only names.
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/boxes', async (_req, res) => {
    const boxes: HandoffBoxSummary[] = guides.boxes.map(box => ({
      name: box.name,
      ...(box.title ? { title: box.title } : {}),
      ...(box.description ? { description: box.description } : {}),
    }));
    res.json(boxes);
  });

  router.get('/boxes/:box/handoff', async (req, res) => {
    const guide = await guides.guide(req.params.box);
    res.json({
      box: guide.box,
      sections: guide.sections,
      locations: guide.locations,
    });
  });

  router.get('/boxes/:box/handoff.md', async (req, res) => {
    const box = guides.box(req.params.box);
    const page = await guides.page(box.name);
    res
      .type('text/markdown; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${box.name}-handoff.md"`,
      );
    res.send(page);
  });

  router.get('/boxes/:box/reference', async (req, res) => {
    const entityRef = normalizedRef(req.query.entityRef);
    const guide = await guides.guide(req.params.box);
    const reference = referenceOf(guide, entityRef);
    if (!reference)
      throw new NotFoundError(
        `the handoff guide of box "${guide.box}" has no entry for ${entityRef}`,
      );
    res.json(reference);
  });

  return router;
}
