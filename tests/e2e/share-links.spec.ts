import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, overflowX, useScheme } from './site';
import { widgets } from '../../src/widgets/registry';

const PART = 'lectures/02-feedforward/forward-pass/';

test.describe('share links', () => {
  test('a link with locked and hidden controls opens exactly that set-up', async ({ page, watch }) => {
    const widget = await openWidget(
      page,
      `${PART}?perceptron=w1:1.5,b:-0.5&lock=perceptron.w1,perceptron.b&hide=perceptron.lr#widget-perceptron`,
      'perceptron',
    );
    const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
    await expect(w1).toHaveValue('1.5');
    await expect(w1).toBeDisabled();
    await expect(widget.getByRole('textbox', { name: 'Weight w₁, exact value' })).toBeDisabled();
    await expect(widget.getByRole('slider', { name: 'Bias b' })).toBeDisabled();
    await expect(widget.getByText('set by your instructor')).toHaveCount(2);
    await expect(widget.locator('[data-field="lr"]')).toHaveCount(0);
    await expect(widget.getByRole('slider', { name: 'Weight w₂' })).toBeEnabled();
    await expect(widget.getByRole('alert')).toHaveCount(0);

    // Keyboard cannot reach a locked control; what can be changed still works.
    const w2 = widget.getByRole('slider', { name: 'Weight w₂' });
    await w2.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(w1).not.toBeFocused();
    await w2.focus();
    await page.keyboard.press('End');
    await expect(w2).toHaveValue('4');
    // Neither learning nor reset moves a locked value away from the instructor's.
    await widget.getByRole('button', { name: 'Learn one epoch' }).click();
    await expect(w1).toHaveValue('1.5');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(w1).toHaveValue('1.5');
    await expect(widget.getByRole('slider', { name: 'Bias b' })).toHaveValue('-0.5');
    await expect(w2).toHaveValue('-0.5');
    expect(watch.problems).toEqual([]);
  });

  test("a widget's own inputs honour a lock too: layer-matmul's weight matrix becomes read-only", async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(
      page,
      'embed/layer-matmul/?layer-matmul=b:1_0_-0.2&lock=layer-matmul.w,layer-matmul.b',
      'layer-matmul',
    );
    const w11 = widget.locator('input[data-entry="w-0-0"]');
    await expect(w11).toHaveAttribute('readonly', '');
    await expect(w11).toHaveAttribute('aria-readonly', 'true');
    await w11.focus();
    await page.keyboard.press('ArrowUp');
    await expect(w11).toHaveValue('0.5');
    await expect(widget.locator('input[data-entry="b-0"]')).toHaveValue('1.0');
    // x is free: typing still works there.
    const x11 = widget.locator('input[data-entry="x-0-0"]');
    await expect(x11).not.toHaveAttribute('readonly', '');
    await x11.focus();
    await page.keyboard.press('ArrowUp');
    await expect(x11).not.toHaveValue('1.0');
    expect(watch.problems).toEqual([]);
  });

  test('a garbage or tampered link falls back to a working widget with a visible notice', async ({ page, watch }) => {
    const widget = await openWidget(
      page,
      `embed/perceptron/?perceptron=w1:zz,b:1e999,nope:1&lock=perceptron.nope,%3Cscript%3E,perceptron&hide=,,`,
      'perceptron',
    );
    const notice = widget.getByRole('alert');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('could not all be used');
    await expect(notice).toContainText('no control "nope"');
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toBeEnabled();
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toHaveValue('0.8');
    await expect(widget.getByText('set by your instructor')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  test('the share panel builds a link and an iframe with chosen controls locked and hidden', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, 'embed/perceptron/', 'perceptron');
    const w2 = widget.getByRole('slider', { name: 'Weight w₂' });
    await w2.focus();
    await page.keyboard.press('Home');
    await widget.getByText('Share or embed').click();
    await widget.getByRole('combobox', { name: 'Weight w₂' }).selectOption('locked');
    await widget.getByRole('combobox', { name: 'Learning rate η' }).selectOption('hidden');
    const link = await widget.getByRole('textbox', { name: /^Link to this widget/ }).inputValue();
    expect(link).toContain('embed/perceptron/?perceptron=w2:-4&lock=perceptron.w2&hide=perceptron.lr');
    const embed = await widget.getByRole('textbox', { name: /^Embed code/ }).inputValue();
    expect(embed).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/perceptron\/\?perceptron=w2:-4&amp;lock=perceptron\.w2&amp;hide=perceptron\.lr" title="The blue-orange classifier" width="100%" height="\d+"/,
    );
    await widget.getByRole('button', { name: 'Copy link' }).click();
    await expect(widget.getByRole('status').filter({ hasText: /The link (is selected|copied)/ })).toBeVisible();

    // The link opens exactly that set-up.
    const opened = await openWidget(page, link, 'perceptron');
    await expect(opened.getByRole('slider', { name: 'Weight w₂' })).toHaveValue('-4');
    await expect(opened.getByRole('slider', { name: 'Weight w₂' })).toBeDisabled();
    await expect(opened.locator('[data-field="lr"]')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  test("every widget's open share panel stays inside the widget at 360 px", async ({ page, watch }) => {
    test.setTimeout(30_000 + widgets.length * 10_000);
    await page.setViewportSize({ width: 360, height: 800 });
    for (const { name } of widgets) {
      const widget = await openWidget(page, `embed/${name}/`, name);
      await widget.getByText('Share or embed').click();
      await widget.locator('[data-share-link]').waitFor();
      // Everything in the panel ends at the widget's right edge: the lock selects, the link and its
      // "Copy" buttons (which move under their field when there is no room beside it).
      const outside = await widget.evaluate((w) => {
        const edge = w.getBoundingClientRect().right + 0.5;
        return [...w.querySelectorAll('.share *')]
          .filter((el) => el.getBoundingClientRect().right > edge)
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      });
      expect(outside, `${name}: share panel parts past the widget's edge`).toEqual([]);
      expect(await overflowX(page), `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    }
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation with locked controls and the share panel open, light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page, scheme);
      const widget = await openWidget(
        page,
        'embed/perceptron/?perceptron=w1:1&lock=perceptron.w1&hide=perceptron.lr',
        'perceptron',
      );
      await widget.getByText('Share or embed').click();
      await expect(widget.getByRole('combobox', { name: 'Weight w₁' })).toHaveValue('locked');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
  });
});
