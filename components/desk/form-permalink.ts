/**
 * Where a desk form posts before its JavaScript runs, or without it.
 *
 * React renders a form whose action is a Server Action as `<form action="" method="POST">` plus the
 * action's hidden fields: the action reference carries no URL, and React writes `action || ""`. An
 * empty `action` is invalid HTML (it must be a non-empty URL), and it means "whatever URL this
 * document has", query string included. React's one way to give such a form a URL is the third
 * argument of `useActionState`, the permalink: it becomes the form's `action`, and after a post
 * without JavaScript it is also the key that hands the action's answer back to its form. That key
 * is the permalink alone, so each form on a page needs its own: the page's path and `#` the form's
 * id. The fragment never reaches the server, and it brings the browser back to the answered form.
 * Once the page has hydrated, the permalink has no effect.
 *
 * Sign-in and sign-out post to the bare page path instead: each is the only form with that
 * permalink on its page, and they answer with a redirect, which a fragment would follow.
 */
export function formPermalink(pagePath: string, formId: string): string {
  return `${pagePath}#${formId}`;
}
