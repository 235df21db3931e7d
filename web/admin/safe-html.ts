/**
 * Puts the server's sanitised Markdown preview into the page. The HTML is parsed into an inert document first
 * (DOMParser runs no scripts and loads no images), then filtered again with `html-policy.ts`, and only then moved
 * into the live page.
 */
import { ALLOWED_TAGS, DROPPED_WITH_CONTENT, isAllowedAttribute } from './html-policy';

/** Filters `root`'s descendants in place: unknown tags are unwrapped (text kept), dangerous ones dropped. */
function filterTree(root: Element): void {
  for (const element of [...root.children]) {
    const tag = element.tagName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(tag)) {
      element.remove();
      continue;
    }
    filterTree(element);
    if (!ALLOWED_TAGS.has(tag)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    for (const attribute of [...element.attributes]) {
      if (!isAllowedAttribute(tag, attribute.name.toLowerCase(), attribute.value)) element.removeAttribute(attribute.name);
    }
    if (tag === 'a') {
      element.setAttribute('rel', 'noopener noreferrer nofollow');
      element.setAttribute('target', '_blank');
    }
  }
}

/** Replaces `container`'s content with the filtered `html`. */
export function insertSanitisedHtml(container: Element, html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  filterTree(parsed.body);
  container.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}
