import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { PartnershipAccess } from '../../app/partnerships/partnerships.js';
import type { Services } from '../../app/services.js';
import type { Actor } from '../../app/shared/audit.js';
import { partnershipRoles, roleDescriptions, roleLabels } from '../../domain/accounts/roles.js';
import { formErrors, text } from '../forms.js';

const manage = { access: { partnership: 'manage-members' } } as const;

export function actorOf(request: FastifyRequest): Actor {
  const user = request.live?.user ?? request.apiUser;
  return user ? { userId: user.id, label: user.email } : { userId: null, label: 'Unknown' };
}

export function accessOf(request: FastifyRequest): PartnershipAccess {
  if (!request.partnershipAccess) throw new NotFoundError('partnership access was not checked');
  return request.partnershipAccess;
}

const roleItems = (selected?: string) =>
  partnershipRoles.map((role) => ({
    value: role,
    text: roleLabels[role],
    hint: { text: roleDescriptions[role] },
    checked: role === selected,
  }));

/** Partnership admins invite people, change roles and organisations, and remove access. */
export function registerMembers(app: FastifyInstance, services: Services): void {
  const organisationItems = async (partnershipId: string, selected: string | null) => [
    { value: '', text: 'Not linked to an organisation' },
    ...(await services.organisations.list(partnershipId)).map((o) => ({
      value: o.id,
      text: o.name,
      selected: o.id === selected,
    })),
  ];

  const showInviteForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: unknown,
  ) => {
    const { partnership } = accessOf(request);
    return reply.page(
      'members/invite.njk',
      {
        title: 'Invite someone',
        values,
        roles: roleItems(values.role),
        organisations: await organisationItems(partnership.id, values.organisationId ?? null),
        errors,
        backLink: { href: `/p/${partnership.slug}/members` },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/members', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const [members, invitations] = await Promise.all([
      services.members.list(partnership.id),
      services.members.pendingInvitations(partnership.id),
    ]);
    return reply.page('members/list.njk', { title: 'Members', members, invitations });
  });

  app.get('/p/:slug/members/invite', { config: manage }, async (request, reply) =>
    showInviteForm(request, reply, {}),
  );

  app.post('/p/:slug/members/invite', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const values = {
      email: text(request.body, 'email'),
      role: text(request.body, 'role'),
      organisationId: text(request.body, 'organisationId'),
    };
    try {
      const { link, invitation } = await services.members.invite(
        partnership,
        { email: values.email, role: values.role, organisationId: values.organisationId || null },
        actorOf(request),
      );
      return reply.page('members/invited.njk', { title: 'Invitation sent', link, invitation });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showInviteForm(request, reply, values, formErrors(error.fields));
    }
  });

  app.post('/p/:slug/invitations/:invitationId/withdraw', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const { invitationId } = request.params as { invitationId: string };
    await services.members.withdrawInvitation(partnership.id, invitationId, actorOf(request));
    return reply.redirect(`/p/${partnership.slug}/members`, 303);
  });

  const findMember = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { membershipId } = request.params as { membershipId: string };
    const member = await services.members.find(partnership.id, membershipId);
    if (!member) throw new NotFoundError('No such member');
    return { partnership, member };
  };

  app.get('/p/:slug/members/:membershipId/change', { config: manage }, async (request, reply) => {
    const { partnership, member } = await findMember(request);
    return reply.page('members/change.njk', {
      title: `Change ${member.displayName}’s role`,
      member,
      roles: roleItems(member.role),
      organisations: await organisationItems(partnership.id, member.organisationId),
      backLink: { href: `/p/${partnership.slug}/members` },
    });
  });

  app.post('/p/:slug/members/:membershipId/change', { config: manage }, async (request, reply) => {
    const { partnership, member } = await findMember(request);
    const role = text(request.body, 'role');
    const organisationId = text(request.body, 'organisationId') || null;
    try {
      await services.members.change(partnership.id, member.id, { role, organisationId }, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/members`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'members/change.njk',
        {
          title: `Change ${member.displayName}’s role`,
          member,
          roles: roleItems(role),
          organisations: await organisationItems(partnership.id, organisationId),
          errors: formErrors(error.fields),
          backLink: { href: `/p/${partnership.slug}/members` },
        },
        400,
      );
    }
  });

  app.get('/p/:slug/members/:membershipId/remove', { config: manage }, async (request, reply) => {
    const { partnership, member } = await findMember(request);
    return reply.page('members/remove.njk', {
      title: `Remove ${member.displayName}’s access`,
      member,
      backLink: { href: `/p/${partnership.slug}/members` },
    });
  });

  app.post('/p/:slug/members/:membershipId/remove', { config: manage }, async (request, reply) => {
    const { partnership, member } = await findMember(request);
    try {
      await services.members.remove(partnership.id, member.id, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/members`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'members/remove.njk',
        {
          title: `Remove ${member.displayName}’s access`,
          member,
          errors: formErrors(error.fields),
          backLink: { href: `/p/${partnership.slug}/members` },
        },
        400,
      );
    }
  });
}
