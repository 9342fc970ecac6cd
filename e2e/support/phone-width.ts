import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from './axe.js';

/** Phone widths every crawled page must fit: a common large phone and the narrowest still in use. */
export const phoneWidths = [390, 320] as const;

/** The crawl's desktop viewport, restored after each page's phone checks. */
export const desktopViewport = { width: 1024, height: 768 } as const;

/**
 * axe rules whose outcome depends on layout, run again at phone width; the full WCAG rule set runs at desktop
 * width on the same page, so the phone pass costs a fraction of a second.
 */
const layoutRules = ['scrollable-region-focusable', 'color-contrast', 'target-size', 'meta-viewport'];

interface Overflow {
  readonly scrollWidth: number;
  /** The outermost elements that reach past the right edge, as short selectors with their right edge. */
  readonly culprits: readonly string[];
}

/** How wide the document is at the current viewport, and which elements make it so. */
function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList]
        .slice(0, 2)
        .map((name) => `.${name}`)
        .join('');
      return `${element.tagName.toLowerCase()}${id}${classes}`;
    };
    const culprits: string[] = [];
    const walk = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      if (box.width > 0 && box.right > viewport + 1) {
        const children = [...element.children].filter((child) => {
          const childBox = child.getBoundingClientRect();
          return childBox.width > 0 && childBox.right > viewport + 1;
        });
        if (children.length === 0 || culprits.length >= 5) {
          culprits.push(`${describe(element)} (right edge ${Math.round(box.right)} px)`);
          return;
        }
      }
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') return;
      for (const child of element.children) {
        if (culprits.length >= 5) return;
        walk(child);
      }
    };
    walk(document.body);
    if (culprits.length === 0) {
      // Positioned elements escape a scrolling box whose position is static, so look for them anywhere.
      for (const element of document.body.querySelectorAll('*')) {
        const position = getComputedStyle(element).position;
        if (position !== 'absolute' && position !== 'fixed') continue;
        if (element.getBoundingClientRect().right <= viewport + 1) continue;
        culprits.push(
          `${describe(element)} (positioned, right edge ${Math.round(element.getBoundingClientRect().right)} px)`,
        );
        if (culprits.length >= 5) break;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

/**
 * Checks the loaded page at each phone width: the document must be no wider than the viewport (wide content
 * scrolls inside its own container) and the layout-dependent axe rules must pass. Returns one line per
 * problem; the viewport is left at desktop width.
 */
export async function phoneWidthProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const where = new URL(page.url());
  const path = where.pathname + where.search;
  try {
    for (const width of phoneWidths) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await measureOverflow(page);
      if (overflow.scrollWidth > width) {
        problems.push(
          `${path} is ${overflow.scrollWidth} px wide at ${width} px: ${overflow.culprits.join(', ') || 'no element found'}`,
        );
      }
      if (width === phoneWidths[0]) {
        const violations = await axeViolations(page, layoutRules);
        if (violations.length > 0)
          problems.push(describeViolations(`${page.url()} at ${width} px`, violations));
      }
    }
  } finally {
    await page.setViewportSize(desktopViewport);
  }
  return problems;
}
