const emailLike = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+/g;

/** Text with every email address except the person's own replaced, so a download holds nobody else's. */
export function redactOtherEmails(text: string, ownEmail: string): string {
  return text.replace(emailLike, (found) =>
    found.toLowerCase() === ownEmail.toLowerCase() ? found : '[another person]',
  );
}
