import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../app/errors.js';
import type { IntentionRecord } from '../../app/ports.js';
import type { Services } from '../../app/services.js';
import {
  commissioningRouteLabels,
  commissioningRoutes,
  commissioningStatusLabels,
  commissioningStatuses,
  isMultiYear,
  needCellKey,
  parseNeedCell,
  type IntentionDraft,
} from '../../domain/funding/commissioning.js';
import { amountInputText, currencies, formatAmount } from '../../domain/funding/money.js';
import { formErrors, text } from '../forms.js';
import { fundingNotAvailable, grantsText } from '../reports/evidence-pack-document.js';
import { describeReachHere } from '../../domain/needs/reach-rule.js';
import { formatKm, gapClassLabels, oneDecimal } from '../view-models/gap-view.js';
import { listField } from '../view-models/funding-pipeline-view.js';
import { accessOf, actorOf } from './members.js';
import { mayManageCommissioning } from '../../domain/funding/permissions.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

const intentionIdOf = (request: FastifyRequest) => (request.params as { intentionId: string }).intentionId;

function draftFromBody(body: unknown): IntentionDraft {
  return {
    title: text(body, 'title'),
    needCells: listField(body, 'needCells'),
    outcomes: text(body, 'outcomes'),
    budget: text(body, 'budget'),
    currency: text(body, 'currency'),
    durationMonths: text(body, 'durationMonths'),
    route: text(body, 'route'),
    serviceIds: listField(body, 'serviceIds'),
    status: text(body, 'status'),
  };
}

function draftFromRecord(i: IntentionRecord): IntentionDraft {
  return {
    title: i.title,
    needCells: i.needCells.map(needCellKey),
    outcomes: i.outcomes.join('\n'),
    budget: amountInputText(i.budget),
    currency: i.currency,
    durationMonths: i.durationMonths === null ? '' : String(i.durationMonths),
    route: i.route,
    serviceIds: [...i.serviceIds],
    status: i.status,
  };
}

const budgetText = (i: IntentionRecord) =>
  i.budget === null ? 'Not set' : formatAmount(i.budget, i.currency);
const durationText = (i: IntentionRecord) =>
  i.durationMonths === null
    ? 'Not set'
    : `${i.durationMonths} ${i.durationMonths === 1 ? 'month' : 'months'}`;

/** Commissioning intentions: the list, adding and changing one, and its page with the evidence. */
export function registerCommissioning(app: FastifyInstance, services: Services): void {
  const themeName = (id: string) => services.directory.themes.themes.find((t) => t.id === id)?.name ?? id;

  app.get('/p/:slug/commissioning', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const intentions = await services.commissioning.list(partnership.id);
    const base = `/p/${partnership.slug}/commissioning`;
    return reply.page('funding/commissioning-list.njk', {
      title: 'Commissioning intentions',
      base,
      canAdd: mayManageCommissioning(membership),
      rows: intentions.map((i) => ({
        href: `${base}/${i.id}`,
        title: i.title,
        route: commissioningRouteLabels[i.route],
        status: commissioningStatusLabels[i.status],
        budget: budgetText(i),
        duration: durationText(i),
        multiYear: isMultiYear(i.durationMonths),
      })),
    });
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { values: IntentionDraft; intentionId?: string; problems?: Record<string, string> },
  ) => {
    const { partnership } = accessOf(request);
    const { values } = options;
    const choices = await services.commissioning.choices(partnership, {
      cells: values.needCells.flatMap((key) => parseNeedCell(key) ?? []),
      serviceIds: values.serviceIds,
    });
    const base = `/p/${partnership.slug}/commissioning`;
    const errors = options.problems ? formErrors(options.problems) : undefined;
    return reply.page(
      'funding/commissioning-form.njk',
      {
        title: options.intentionId ? 'Change a commissioning intention' : 'Add a commissioning intention',
        action: options.intentionId ? `${base}/${options.intentionId}/edit` : `${base}/new`,
        values,
        needItems: choices.cells.map(({ cell, areaName, themeName: name }) => ({
          value: needCellKey(cell),
          text: `${name} in ${areaName}`,
          hint: {
            text: `${gapClassLabels[cell.gapClass]}; need ${cell.need === null ? 'no data' : oneDecimal(cell.need)}`,
          },
          checked: values.needCells.includes(needCellKey(cell)),
        })),
        serviceItems: choices.services.map((s) => ({
          value: s.id,
          text: s.organisationName ? `${s.name} (${s.organisationName})` : s.name,
          checked: values.serviceIds.includes(s.id),
        })),
        currencyItems: currencies.map((c) => ({
          value: c,
          text: c,
          selected: (values.currency || 'GBP') === c,
        })),
        routeItems: commissioningRoutes.map((r) => ({
          value: r,
          text: commissioningRouteLabels[r],
          checked: values.route === r,
        })),
        statusItems: commissioningStatuses.map((s) => ({
          value: s,
          text: commissioningStatusLabels[s],
          selected: (values.status || 'idea') === s,
        })),
        errors,
        backLink: { href: options.intentionId ? `${base}/${options.intentionId}` : base, text: 'Back' },
      },
      errors ? 400 : 200,
    );
  };

  const empty: IntentionDraft = {
    title: '',
    needCells: [],
    outcomes: '',
    budget: '',
    currency: 'GBP',
    durationMonths: '',
    route: '',
    serviceIds: [],
    status: 'idea',
  };

  app.get('/p/:slug/commissioning/new', { config: edit }, async (request, reply) => {
    const { membership } = accessOf(request);
    if (!mayManageCommissioning(membership)) {
      throw new ForbiddenError('Only admins and council members can add or change commissioning intentions');
    }
    const cell = parseNeedCell(`${String((request.query as Record<string, unknown>).cell ?? '')}`);
    return showForm(request, reply, { values: { ...empty, needCells: cell ? [needCellKey(cell)] : [] } });
  });

  app.post('/p/:slug/commissioning/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const values = draftFromBody(request.body);
    try {
      const added = await services.commissioning.add(partnership, membership, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/commissioning/${added.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showForm(request, reply, { values, problems: { ...error.fields } });
    }
  });

  app.get('/p/:slug/commissioning/:intentionId', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const {
      intention,
      evidence,
      services: commissioned,
    } = await services.commissioning.withEvidence(partnership, intentionIdOf(request));
    const slug = partnership.slug;
    const done = (request.query as Record<string, unknown>).done;
    return reply.page('funding/commissioning.njk', {
      title: intention.title,
      intention,
      canChange: mayManageCommissioning(membership),
      flash: { added: 'The commissioning intention was added.', saved: 'Your changes were saved.' }[
        typeof done === 'string' ? done : ''
      ],
      rows: [
        { key: { text: 'Route' }, value: { text: commissioningRouteLabels[intention.route] } },
        { key: { text: 'Status' }, value: { text: commissioningStatusLabels[intention.status] } },
        { key: { text: 'Budget' }, value: { text: budgetText(intention) } },
        {
          key: { text: 'Length' },
          value: {
            text: `${durationText(intention)}${isMultiYear(intention.durationMonths) ? ' (multi-year)' : ''}`,
          },
        },
      ],
      multiYear: isMultiYear(intention.durationMonths),
      commissioned: commissioned.map((s) => ({
        href: `/p/${slug}/directory/services/${s.id}`,
        name: s.name,
        organisationName: s.organisationName,
      })),
      evidence: evidence.map(({ cell, evidence: e, commissioned: ours }) => {
        const areaName = e?.view.area.name ?? cell.areaCode;
        const analysed = e?.view.report.input.areas.find((a) => a.code === cell.areaCode);
        return {
          reachRule: e ? describeReachHere(e.view.report.input.settings.reachKm, analysed?.ruralUrban) : '',
          commissionedHere: ours.map((c) => ({
            href: `/p/${slug}/directory/services/${c.serviceId}`,
            name: c.name,
            distance: c.distanceKm === null ? 'no place listed' : `${formatKm(c.distanceKm)} away`,
            counted: c.counted,
          })),
          heading: `${themeName(cell.theme)} in ${areaName}`,
          available: e !== undefined,
          packHref: `/p/${slug}/evidence?${new URLSearchParams({ area: cell.areaCode, theme: cell.theme }).toString()}`,
          need:
            e?.view.explanation.cell.need == null ? 'No evidence' : oneDecimal(e.view.explanation.cell.need),
          provision: e
            ? `${oneDecimal(e.view.explanation.cell.provision)} service-equivalents from ${e.view.explanation.cell.serviceCount} services`
            : '',
          gapClass: e ? gapClassLabels[e.view.explanation.cell.gapClass] : '',
          records: e?.records.length ?? 0,
          grants: e?.funding
            ? [
                ...(e.funding.ward ? [`${e.funding.ward.name} ward: ${grantsText(e.funding.ward)}`] : []),
                `Whole authority: ${grantsText(e.funding.authorityWide)}`,
              ]
            : [fundingNotAvailable],
          couldDeliver: (e?.couldDeliver ?? []).slice(0, 5).map((c) => ({
            href: `/p/${slug}/directory/services/${c.serviceId}`,
            name: c.name,
            distance: c.distanceKm === null ? 'covers the area' : formatKm(c.distanceKm),
          })),
          opportunities: (e?.opportunities ?? []).map((o) => ({
            href: `/p/${slug}/funding/opportunities/${o.id}`,
            name: `${o.fundName} (${o.funder})`,
          })),
        };
      }),
      backLink: { href: `/p/${slug}/commissioning`, text: 'Commissioning intentions' },
    });
  });

  app.get('/p/:slug/commissioning/:intentionId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const intention = await services.commissioning.find(partnership.id, intentionIdOf(request));
    if (!mayManageCommissioning(membership)) {
      throw new ForbiddenError('Only admins and council members can add or change commissioning intentions');
    }
    return showForm(request, reply, { values: draftFromRecord(intention), intentionId: intention.id });
  });

  app.post('/p/:slug/commissioning/:intentionId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const intentionId = intentionIdOf(request);
    const values = draftFromBody(request.body);
    try {
      await services.commissioning.update(partnership, membership, intentionId, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/commissioning/${intentionId}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showForm(request, reply, { values, intentionId, problems: { ...error.fields } });
    }
  });
}
