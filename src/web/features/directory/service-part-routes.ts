import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceView } from '../../../app/directory/directory.js';
import { ValidationError } from '../../../app/errors.js';
import type { MembershipRecord, UserRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import type { Actor } from '../../../app/shared/audit.js';
import { blankContact, contactFormsFor, type ContactForm } from '../../../domain/directory/contact-form.js';
import { openingTimesFormFor, type OpeningTimesForm } from '../../../domain/directory/opening-times-form.js';
import { placeFormsFor, type PlaceForm } from '../../../domain/directory/place-form.js';
import { formErrors } from '../../forms.js';
import { editableView, signedInUser } from './service-form.js';
import { boxSets, openingDays, openingTimesFromBody, placeBoxes, placesFromBody } from './form-boxes.js';
import { accessOf, actorOf } from '../members.js';

const edit = { access: { partnership: 'edit' } } as const;

/** How the directory changes one part of a service: its places, opening times or contacts. */
type PartChange<F> = (
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  form: F,
  actor: Actor,
) => Promise<unknown>;

/** Self-service for the organisations in the directory: changing a service's places, opening times and contacts. */
export function registerServiceParts(app: FastifyInstance, services: Services): void {
  const pageFor = (request: FastifyRequest, view: ServiceView, part: string) => {
    const { partnership } = accessOf(request);
    const service = `/p/${partnership.slug}/directory/services/${view.service.id}`;
    return {
      serviceName: view.service.details.name,
      action: `${service}/${part}`,
      backLink: { href: service, text: 'Back to the service' },
    };
  };

  /** Saves one part of the service from its form, then back to the service; the form again with any problems. */
  const savePart = async <F>(
    request: FastifyRequest,
    reply: FastifyReply,
    form: F,
    change: PartChange<F>,
    showAgain: (
      request: FastifyRequest,
      reply: FastifyReply,
      form: F,
      errors: ReturnType<typeof formErrors>,
    ) => Promise<unknown>,
  ) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    try {
      await change(partnership.id, serviceId, membership, signedInUser(request), form, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/directory/services/${serviceId}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showAgain(request, reply, form, formErrors(error.fields));
    }
  };

  const showPlaces = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: readonly PlaceForm[],
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(services, request);
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
    const view = await editableView(services, request);
    return showPlaces(request, reply, placeFormsFor(view.service.details.locations));
  });

  app.post('/p/:slug/directory/services/:serviceId/places', { config: edit }, async (request, reply) =>
    savePart(request, reply, placesFromBody(request.body), services.directory.changePlaces, showPlaces),
  );

  const showOpeningTimes = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: OpeningTimesForm,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(services, request);
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
      const view = await editableView(services, request);
      return showOpeningTimes(request, reply, openingTimesFormFor(view.service.details.schedules));
    },
  );

  app.post('/p/:slug/directory/services/:serviceId/opening-times', { config: edit }, async (request, reply) =>
    savePart(
      request,
      reply,
      openingTimesFromBody(request.body),
      services.directory.changeOpeningTimes,
      showOpeningTimes,
    ),
  );

  const showContacts = async (
    request: FastifyRequest,
    reply: FastifyReply,
    forms: readonly ContactForm[],
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const view = await editableView(services, request);
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
    const view = await editableView(services, request);
    return showContacts(request, reply, contactFormsFor(view.service.details.contacts));
  });

  app.post('/p/:slug/directory/services/:serviceId/contacts', { config: edit }, async (request, reply) =>
    savePart(
      request,
      reply,
      boxSets(request.body, 'contacts', blankContact),
      services.directory.changeContacts,
      showContacts,
    ),
  );
}
