import type { Locator, Page } from 'playwright-core';

/** A short description of the focused element, for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing: the page body)';
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    const id = el.id ? `#${el.id}` : '';
    return `<${el.tagName.toLowerCase()}${id}> ${name.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
  });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

export async function expectFocused(locator: Locator): Promise<void> {
  if (!(await isFocused(locator))) {
    throw new Error(
      `Expected ${locator} to have focus, but focus is on ${await describeFocus(locator.page())}`,
    );
  }
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, then checks the focus is
 * visible. Fails listing every element focus passed through if it never gets there.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; maxPresses?: number } = {},
): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const visited: string[] = [];
  for (let presses = 0; presses < (options.maxPresses ?? 60); presses += 1) {
    await page.keyboard.press(key);
    if (await isFocused(target)) {
      await expectFocusVisible(target);
      return;
    }
    visited.push(await describeFocus(page));
  }
  throw new Error(
    `Pressing ${key} never reached ${target} on ${page.url()}. Focus went to:\n  ${visited.join('\n  ')}`,
  );
}

/** The focused element shows a focus indicator: it matches :focus-visible and draws an outline or shadow. */
export async function expectFocusVisible(target: Locator): Promise<void> {
  const style = await target.evaluate((el) => {
    const css = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: `${css.outlineStyle} ${css.outlineWidth} ${css.outlineColor}`,
      outlineShown:
        css.outlineStyle !== 'none' &&
        parseFloat(css.outlineWidth) > 0 &&
        !/rgba\(.*,\s*0\)$/.test(css.outlineColor),
      boxShadow: css.boxShadow,
      background: css.backgroundColor,
    };
  });
  const indicator = style.outlineShown || style.boxShadow !== 'none';
  if (!style.focusVisible || !indicator) {
    throw new Error(
      `Focus on ${target} is not visible: :focus-visible=${style.focusVisible}, outline=${style.outline}, ` +
        `box-shadow=${style.boxShadow}, background=${style.background}`,
    );
  }
}

/** Presses a key that submits a form or follows a link, and waits for the new page to load. */
export async function pressAndWaitForPage(page: Page, key = 'Enter'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

/** Types into the focused field, character by character as a person would. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/**
 * Moves through a radio group with the arrow keys until `target` has focus, then presses Space to select it.
 * Focus must already be in the group.
 */
export async function chooseRadio(page: Page, target: Locator, maxPresses = 10): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await isFocused(target)) {
      await page.keyboard.press('Space');
      if (!(await target.isChecked())) throw new Error(`Space did not select ${target}`);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrow keys never reached ${target}; focus is on ${await describeFocus(page)}`);
}

/** Presses Tab until focus is on any element matching the CSS selector (such as a radio in a group). */
export async function tabToSelector(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`Pressing Tab never reached ${selector} on ${page.url()}`);
}
