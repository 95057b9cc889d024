import { Fragment, type ReactNode } from 'react';
import { isSafeHref, type InlineNode } from '@/lib/content/inline';

/**
 * Renders parsed inline marks (see lib/content/inline.ts) as React elements, so content text is
 * never interpreted as HTML. The parser already drops unsafe links; the href is checked again
 * here because an InlineNode[] may come from elsewhere, and an unsafe link renders as its text.
 */
export function InlineText({ nodes }: { nodes: InlineNode[] }) {
  return <>{nodes.map(renderNode)}</>;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

function renderNode(node: InlineNode, index: number): ReactNode {
  switch (node.type) {
    case 'text':
      // A bare string: it needs no key, and each run costs the page's inline payload its text
      // alone instead of a keyed fragment around it.
      return node.text;
    case 'strong':
      return (
        <strong key={index}>
          <InlineText nodes={node.children} />
        </strong>
      );
    case 'em':
      return (
        <em key={index}>
          <InlineText nodes={node.children} />
        </em>
      );
    case 'link':
      if (!isSafeHref(node.href)) {
        return (
          <Fragment key={index}>
            <InlineText nodes={node.children} />
          </Fragment>
        );
      }
      return (
        // rel only where it applies: an undefined prop would still travel in the RSC payload of
        // every internal link, as "rel":"$undefined".
        <a key={index} href={node.href} {...(ABSOLUTE_HTTP.test(node.href) ? { rel: 'noopener' } : {})}>
          <InlineText nodes={node.children} />
        </a>
      );
    default: {
      const unknown: never = node;
      return unknown;
    }
  }
}
