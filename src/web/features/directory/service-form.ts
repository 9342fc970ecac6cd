import type { Theme } from '../../../domain/directory/themes.js';
import { capacityPeriods, serviceStatuses, serviceStatusLabels } from '../../../domain/directory/model.js';
import { ValidationError } from '../../../app/errors.js';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../../app/errors.js';
import type { ServiceView } from '../../../app/directory/directory.js';
import type { Services } from '../../../app/services.js';
import type { ServiceForm } from '../../../domain/directory/service-form.js';
import { text } from '../../forms.js';
import { accessOf } from '../members.js';

/** The service form's values as typed, and who may change or add services. */

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/** Whether the member may add services: admins for any organisation, other editors for their own. */
export const mayAddServices = (membership: { role: string; organisationId: string | null }) =>
  membership.role === 'partnership-admin' ||
  (membership.role !== 'viewer' && membership.organisationId !== null);

export function formFromBody(body: unknown): ServiceForm {
  return {
    name: text(body, 'name'),
    description: text(body, 'description'),
    status: text(body, 'status'),
    themes: list((body as Record<string, unknown> | undefined)?.themes),
    url: text(body, 'url'),
    email: text(body, 'email'),
    phone: text(body, 'phone'),
    eligibility: text(body, 'eligibility'),
    minimumAge: text(body, 'minimumAge'),
    maximumAge: text(body, 'maximumAge'),
    cost: text(body, 'cost'),
    howToAccess: text(body, 'howToAccess'),
    languages: text(body, 'languages'),
    accessibility: text(body, 'accessibility'),
    capacityPeople: text(body, 'capacityPeople'),
    capacityPeriod: text(body, 'capacityPeriod'),
  };
}

/** The service as its editor may change it; refused for anyone else. */
export async function editableView(services: Services, request: FastifyRequest): Promise<ServiceView> {
  const { partnership, membership } = accessOf(request);
  const { serviceId } = request.params as { serviceId: string };
  const view = await services.directory.view(partnership.id, serviceId, membership);
  if (!view.editable) {
    throw new ForbiddenError(
      'Only people from the organisation that runs this service, or a partnership admin, can change it.',
    );
  }
  return view;
}

/** The choices of the service details form: status, themes and the capacity period. */
export const detailsItems = (themes: readonly Theme[], values: ServiceForm) => ({
  statusItems: serviceStatuses.map((s) => ({
    value: s,
    text: serviceStatusLabels[s],
    checked: values.status === s,
  })),
  themeItems: themes.map((t) => ({
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

/** The signed-in person, who every change to the directory is recorded against. */
export function signedInUser(request: FastifyRequest) {
  const user = request.live?.user;
  if (!user) throw new ValidationError({ form: 'Sign in again to change the directory' });
  return user;
}
