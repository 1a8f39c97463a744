/**
 * Locks and hides for every control (issue 19): for every widget of the registry, a share link that
 * locks — and one that hides — every field of its schema at once. Then every control the reader can
 * still reach is used (sliders, fields, menus, buttons, a drag across each chart) and the widget's
 * state must not move: a lock or a hide holds against buttons bound to a field and against the
 * widget's own inputs, not only against the shared controls.
 */
import type { Locator, Page } from '@playwright/test';
import { widgets } from '../../src/widgets/registry';
import { test, expect, frames, openWidget, schemaOf } from './site';

/** 20 animation frames: long enough for a click's effects (and a training chunk) to land. */
const settle = (page: Page) => frames(page, 20);

/** The controls a reader can use inside the widget, outside its share panel. */
function reachable(widget: Locator): Locator {
  return widget.locator(
    ':is(input:not([type=file]), select, textarea, button, [contenteditable=true]):not(.widget__share *):visible',
  );
}

/** Use one control the way a reader would; a control that cannot be used is left alone. */
async function use(page: Page, control: Locator): Promise<void> {
  const info = await control.evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    type: (el as HTMLInputElement).type ?? '',
    off:
      (el as HTMLInputElement).disabled ||
      (el as HTMLInputElement).readOnly ||
      el.getAttribute('aria-disabled') === 'true',
  }));
  if (info.off) return;
  if (info.tag === 'select') {
    const values = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (values.length) await control.selectOption(values.at(-1)!);
  } else if (info.tag === 'input' && info.type === 'range') {
    await control.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
  } else if (info.tag === 'input' && ['checkbox', 'radio'].includes(info.type)) {
    await control.click();
  } else if (info.tag === 'input' || info.tag === 'textarea') {
    await control.fill('1');
    await control.press('Enter');
  } else {
    await control.click();
  }
}

/** Drag across the middle of every chart and canvas (decision lines, points, start positions). */
async function dragCharts(page: Page, widget: Locator): Promise<void> {
  const surfaces = widget.locator('.chart__plot svg:visible, canvas:visible');
  for (let i = 0; i < (await surfaces.count()); i++) {
    const box = await surfaces.nth(i).boundingBox();
    if (!box) continue;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 30, y - 20, { steps: 3 });
    await page.mouse.up();
  }
}

async function sweep(page: Page, widget: Locator): Promise<void> {
  const controls = reachable(widget);
  const count = await controls.count();
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    // Earlier clicks can change what is shown (a confirmation, a menu); use what is still there.
    if (!(await control.isVisible())) continue;
    await use(page, control);
  }
  await dragCharts(page, widget);
  await settle(page);
}

test.describe('every field of every widget, locked and hidden', () => {
  for (const { name } of widgets) {
    test(`${name}: all fields locked — nothing the reader does moves the state`, async ({ page, watch }) => {
      test.setTimeout(120_000);
      const fields = Object.keys(await schemaOf(name));
      const widget = await openWidget(page, `embed/${name}/?lock=${fields.map((f) => `${name}.${f}`).join(',')}`, name);
      const before = await widget.getAttribute('data-state');
      // Every control bound to a field is disabled or read-only, whatever draws it.
      for (const field of fields) {
        const bound = widget.locator(`[data-field="${field}"]`).filter({ visible: true });
        for (let i = 0; i < (await bound.count()); i++) {
          const usable = await bound
            .nth(i)
            .locator(':is(input, select, textarea, button):not(:disabled):not([readonly]):not([aria-disabled=true])')
            .count();
          const self = await bound
            .nth(i)
            .evaluate(
              (el) =>
                ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName) &&
                !(el as HTMLInputElement).disabled &&
                !(el as HTMLInputElement).readOnly &&
                el.getAttribute('aria-disabled') !== 'true',
            );
          expect(usable + (self ? 1 : 0), `${name}: a control of locked field "${field}" can still be used`).toBe(0);
        }
      }
      await sweep(page, widget);
      expect(await widget.getAttribute('data-state'), `${name}: the locked state moved`).toBe(before);
      expect(watch.problems).toEqual([]);
    });

    test(`${name}: all fields hidden — no control is shown and the state stays put`, async ({ page, watch }) => {
      test.setTimeout(120_000);
      const fields = Object.keys(await schemaOf(name));
      const widget = await openWidget(page, `embed/${name}/?hide=${fields.map((f) => `${name}.${f}`).join(',')}`, name);
      const before = await widget.getAttribute('data-state');
      for (const field of fields) {
        await expect(
          widget.locator(`[data-field="${field}"]:not(.widget__share *)`).filter({ visible: true }),
          `${name}: a control of hidden field "${field}" is shown`,
        ).toHaveCount(0);
      }
      await sweep(page, widget);
      expect(await widget.getAttribute('data-state'), `${name}: the hidden state moved`).toBe(before);
      expect(watch.problems).toEqual([]);
    });
  }
});
