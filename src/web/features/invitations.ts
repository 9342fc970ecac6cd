import type { FastifyInstance } from 'fastify';
import { passwordProblem } from '../../domain/accounts/password-policy.js';
import { roleLabels } from '../../domain/accounts/roles.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { setSessionCookie } from './sign-in.js';

const invalidInvitation = {
  title: 'This invitation has expired or has already been used',
  paragraphs: [
    'Invitations work once and for 14 days.',
    'Ask the partnership admin who invited you to send a new invitation.',
  ],
};

/** Accepting an invitation: a new person chooses a name and password; an existing account signs in first. */
export function registerInvitations(
  app: FastifyInstance,
  services: Services,
  options: { secureCookies: boolean },
): void {
  app.get('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await services.members.checkInvitation(token);
    if (state.status === 'invalid') return reply.page('errors/error.njk', invalidInvitation, 404);
    return reply.page('auth/invitation.njk', {
      title: `Join ${state.partnership.name}`,
      token,
      invitation: state.invitation,
      partnershipName: state.partnership.name,
      role: roleLabels[state.invitation.role],
      hasAccount: state.hasAccount,
      signedInAs: request.live?.user.email,
      values: {},
    });
  });

  app.post('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await services.members.checkInvitation(token);
    if (state.status === 'invalid') return reply.page('errors/error.njk', invalidInvitation, 404);

    if (state.hasAccount) {
      const live = request.live;
      if (!live || live.user.email !== state.invitation.email) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`, 303);
      }
      const accepted = await services.members.acceptInvitation(token, {
        kind: 'existing-account',
        userId: live.user.id,
      });
      if (!accepted) return reply.page('errors/error.njk', invalidInvitation, 404);
      await services.sessions.switchPartnership(live, accepted.partnership.id);
      return reply.redirect(`/p/${accepted.partnership.slug}/?welcome=joined`, 303);
    }

    const displayName = text(request.body, 'displayName');
    const body = request.body as Record<string, unknown> | undefined;
    const password = typeof body?.password === 'string' ? body.password : '';
    const confirmation = typeof body?.confirmPassword === 'string' ? body.confirmPassword : '';
    const problems: Record<string, string> = {};
    if (displayName.length < 2 || displayName.length > 100) problems.displayName = 'Enter your full name';
    const weak = passwordProblem(password);
    if (weak) problems.password = weak;
    else if (password !== confirmation) problems.confirmPassword = 'Enter the same password twice';
    if (Object.keys(problems).length > 0) {
      return reply.page(
        'auth/invitation.njk',
        {
          title: `Join ${state.partnership.name}`,
          token,
          invitation: state.invitation,
          partnershipName: state.partnership.name,
          role: roleLabels[state.invitation.role],
          hasAccount: false,
          values: { displayName },
          errors: formErrors(problems),
        },
        400,
      );
    }
    const passwordHash = await services.hasher.hash(password);
    const accepted = await services.members.acceptInvitation(token, {
      kind: 'new-account',
      displayName,
      passwordHash,
    });
    if (!accepted) return reply.page('errors/error.njk', invalidInvitation, 404);
    const user = await services.users.findByEmail(state.invitation.email);
    if (!user) return reply.page('errors/error.njk', invalidInvitation, 404);
    setSessionCookie(reply, await services.sessions.start(user), options.secureCookies);
    return reply.redirect(`/p/${accepted.partnership.slug}/?welcome=new-account`, 303);
  });
}
