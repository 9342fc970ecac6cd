import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceView } from '../../app/directory/directory.js';
import { ForbiddenError, ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { blankContact, contactFormsFor, type ContactForm } from '../../domain/directory/contact-form.js';
import { capacityPeriods, serviceStatuses, serviceStatusLabels } from '../../domain/directory/model.js';
import { openingTimesFormFor, type OpeningTimesForm } from '../../domain/directory/opening-times-form.js';
import { blankPlace, placeFormsFor, type PlaceForm } from '../../domain/directory/place-form.js';
import type { ServiceForm } from '../../domain/directory/service-form.js';
import { formErrors, text } from '../forms.js';
import { formFromBody } from './directory.js';
import {
  boxSets,
  openingDays,
  openingTimesFromBody,
  placeBoxes,
  placesFromBody,
} from './directory-form-boxes.js';
import { registerStillCorrect } from './directory-still-correct.js';
import { accessOf, actorOf } from './members.js';

/**
 * Self-service for the organisations in the directory: add a service; change its places, opening times and
 * contacts; and the "still correct" page the reminder email links to.
 */

const edit = { access: { partnership: 'edit' } } as const;

export function registerDirectorySelfService(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;

  const detailsItems = (values: ServiceForm) => ({
    statusItems: serviceStatuses.map((s) => ({
      value: s,
      text: serviceStatusLabels[s],
      checked: values.status === s,
    })),
    themeItems: themes().map((t) => ({
      value: t.id,
      text: t.name,
      hint: { text: t.description },
      checked: values.themes.includes(t.id),
    })),
    periodItems: [
      { value: '', text: 'Select a period' },
      ...capacityPeriods.map((p) => ({ value: p, text: `A ${p}`, selected: values.capacityPeriod === p })),
    ],
  });

  const signedInUser = (request: FastifyRequest) => {
    const user = request.live?.user;
    if (!user) throw new ValidationError({ form: 'Sign in again to change the directory' });
    return user;
  };

  // Adding a service.

  const showNewForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ServiceForm & { organisationId: string },
    place: PlaceForm,
    openingTimes: OpeningTimesForm,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.directory.organisationsForNewService(partnership.id, membership);
    const base = `/p/${partnership.slug}/directory`;
    return reply.page(
      'directory/new.njk',
      {
        title: 'Add a service',
        action: `${base}/services/new`,
        values,
        ...detailsItems(values),
        organisationItems: [
          ...(organisations.length > 1 ? [{ value: '', text: 'Select an organisation' }] : []),
          ...organisations.map((o) => ({
            value: o.id,
            text: o.name,
            selected: o.id === values.organisationId,
          })),
        ],
        places: placeBoxes([place], 'Where is it? (optional)'),
        openingLegend: 'When is it open? (optional)',
        openingDays: openingDays(openingTimes),
        errors,
        backLink: { href: base, text: 'Directory of services' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/directory/services/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.directory.organisationsForNewService(partnership.id, membership);
    if (organisations.length === 0) {
      throw new ForbiddenError(
        'Only members of an organisation in the partnership, or a partnership admin, can add services.',
      );
    }
    const organisationId =
      text(request.query, 'organisation') ||
      (organisations.length === 1 ? (organisations[0]?.id ?? '') : (membership.organisationId ?? ''));
    const values = { ...formFromBody({ status: 'active' }), organisationId };
    return showNewForm(request, reply, values, blankPlace, openingTimesFormFor([]));
  });

  app.post('/p/:slug/directory/services/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const form = formFromBody(request.body);
    const organisationId = text(request.body, 'organisationId');
    const place = placesFromBody(request.body)[0] ?? blankPlace;
    const openingTimes = openingTimesFromBody(request.body);
    try {
      const added = await services.directory.add(
        partnership.id,
        membership,
        signedInUser(request),
        { organisationId, form, place, openingTimes },
        actorOf(request),
      );
      return reply.redirect(`/p/${partnership.slug}/directory/services/${added.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showNewForm(
        request,
        reply,
        { ...form, organisationId },
        place,
        openingTimes,
        formErrors(error.fields),
      );
    }
  });

  // Changing the places, opening times and contacts of a service.

  const editableView = async (request: FastifyRequest): Promise<ServiceView> => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const view = await services.directory.view(partnership.id, serviceId, membership);
    if (!view.editable) {
      throw new ForbiddenError(
        'Only people from the organisation that runs this service, or a partnership admin, can change it.',
      );
    }
    return view;
  };

  const pageFor = (request: FastifyRequest, view: ServiceView, part: string) => {
    const { partnership } = accessOf(request);
    const service = `/p/${partnership.slug}/directory/services/${view.service.id}`;
    return {
      serviceName: view.service.details.name,
      action: `${service}/${part}`,
      backLink: { href: service, text: 'Back to the service' },
    };
  };

  const afterSaving = async (
    request: FastifyRequest,
    reply: FastifyReply,
    save: () => Promise<unknown>,
    showAgain: (errors: ReturnType<typeof formErrors>) => Promise<unknown>,
  ) => {
    const { partnership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    try {
      await save();
      return reply.redirect(`/p/${partnership.slug}/directory/services/${serviceId}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showAgain(formErrors(error.fields));
    }
  };

  const showPlaces = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: readonly PlaceForm[],
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(request);
    return reply.page(
      'directory/places.njk',
      {
        title: `Change where ${view.service.details.name} is`,
        ...pageFor(request, view, 'places'),
        places: placeBoxes(forms),
        errors,
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/directory/services/:serviceId/places', { config: edit }, async (request, reply) => {
    const view = await editableView(request);
    return showPlaces(request, reply, placeFormsFor(view.service.details.locations));
  });

  app.post('/p/:slug/directory/services/:serviceId/places', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const forms = placesFromBody(request.body);
    return afterSaving(
      request,
      reply,
      () =>
        services.directory.changePlaces(
          partnership.id,
          serviceId,
          membership,
          signedInUser(request),
          forms,
          actorOf(request),
        ),
      (errors) => showPlaces(request, reply, forms, errors),
    );
  });

  const showOpeningTimes = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: OpeningTimesForm,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(request);
    return reply.page(
      'directory/opening-times.njk',
      {
        title: `Change the opening times of ${view.service.details.name}`,
        ...pageFor(request, view, 'opening-times'),
        openingLegend: 'Opening times each week',
        openingDays: openingDays(form),
        errors,
      },
      errors ? 400 : 200,
    );
  };

  app.get(
    '/p/:slug/directory/services/:serviceId/opening-times',
    { config: edit },
    async (request, reply) => {
      const view = await editableView(request);
      return showOpeningTimes(request, reply, openingTimesFormFor(view.service.details.schedules));
    },
  );

  app.post(
    '/p/:slug/directory/services/:serviceId/opening-times',
    { config: edit },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const { serviceId } = request.params as { serviceId: string };
      const form = openingTimesFromBody(request.body);
      return afterSaving(
        request,
        reply,
        () =>
          services.directory.changeOpeningTimes(
            partnership.id,
            serviceId,
            membership,
            signedInUser(request),
            form,
            actorOf(request),
          ),
        (errors) => showOpeningTimes(request, reply, form, errors),
      );
    },
  );

  const showContacts = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: readonly ContactForm[],
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(request);
    return reply.page(
      'directory/contacts.njk',
      {
        title: `Change the contacts of ${view.service.details.name}`,
        ...pageFor(request, view, 'contacts'),
        contacts: forms.map((form, index) => ({
          ...form,
          index,
          legend:
            index === forms.length - 1 && forms.length > 1 ? 'Add another contact' : `Contact ${index + 1}`,
        })),
        errors,
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/directory/services/:serviceId/contacts', { config: edit }, async (request, reply) => {
    const view = await editableView(request);
    return showContacts(request, reply, contactFormsFor(view.service.details.contacts));
  });

  app.post('/p/:slug/directory/services/:serviceId/contacts', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const forms = boxSets(request.body, 'contacts', blankContact);
    return afterSaving(
      request,
      reply,
      () =>
        services.directory.changeContacts(
          partnership.id,
          serviceId,
          membership,
          signedInUser(request),
          forms,
          actorOf(request),
        ),
      (errors) => showContacts(request, reply, forms, errors),
    );
  });

  registerStillCorrect(app, services);
}
