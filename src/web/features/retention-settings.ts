import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import {
  answersDeletedOn,
  retentionMonthChoices,
  roundClosedOn,
  type RetentionPolicy,
} from '../../domain/privacy/retention.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const manage = { access: { partnership: 'manage-settings' } } as const;

const monthLabels: Record<string, string> = {
  keep: 'Keep individual answers',
  '6': '6 months after a round closes',
  '12': '1 year after a round closes',
  '24': '2 years after a round closes',
  '36': '3 years after a round closes',
};

/** A partnership admin's retention setting: how long individual answers and invitation emails are kept. */
export function registerRetentionSettings(app: FastifyInstance, services: Services): void {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: { months: string; removeComments: boolean; errors: Record<string, string> },
  ) => {
    const { partnership } = accessOf(request);
    const policy: RetentionPolicy = await services.privacy.retention(partnership.id);
    const months = form?.months ?? (policy.months === null ? 'keep' : String(policy.months));
    const rounds = await services.assessments.list(partnership.id);
    const roundRows = await Promise.all(
      rounds.map(async ({ round }) => {
        const deletedAt = await services.privacy.answersDeletedAt(round.id);
        const due = answersDeletedOn(round, policy);
        return [
          { text: round.name },
          { text: roundClosedOn(round) },
          { text: deletedAt ? `Deleted ${deletedAt.slice(0, 10)}` : due ? `Due ${due}` : 'Kept' },
        ];
      }),
    );
    return reply.page(
      'privacy/retention.njk',
      {
        title: 'How long answers are kept',
        partnership,
        flash: text(request.query, 'saved') ? 'The retention setting was saved.' : undefined,
        summary: services.privacy.describeRetention(policy),
        monthItems: ['keep', ...retentionMonthChoices.map(String)].map((value) => ({
          value,
          text: monthLabels[value],
          checked: value === months,
        })),
        removeComments: form?.removeComments ?? policy.removeComments,
        roundRows,
        errors: form?.errors && Object.keys(form.errors).length ? formErrors(form.errors) : undefined,
      },
      form?.errors && Object.keys(form.errors).length ? 400 : 200,
    );
  };

  app.get('/p/:slug/settings/retention', { config: manage }, (request, reply) => show(request, reply));

  app.post('/p/:slug/settings/retention', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const form = {
      months: text(request.body, 'months'),
      removeComments: text(request.body, 'removeComments'),
    };
    const result = await services.privacy.saveRetention(partnership.id, form, actorOf(request));
    if (!result.ok)
      return show(request, reply, {
        months: form.months,
        removeComments: form.removeComments === 'yes',
        errors: { ...result.errors },
      });
    return reply.redirect(`/p/${partnership.slug}/settings/retention?saved=1`, 303);
  });
}
