import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, PARTS, useScheme } from './site';

/** Presenter mode: the forward-pass part as slides (title + 5 sections). */
const DECK = 'present/02-feedforward/forward-pass/';

const titleSlide = (page: Page) => page.locator('.deck-title');

async function openDeck(page: Page, suffix = '') {
  await page.goto(DECK + suffix);
  await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
}
const slideNo = (page: Page) => new URL(page.url()).hash;
const visibleH2 = (page: Page) => page.locator('[data-deck-content] > h2:visible');

test.describe('presenter mode', () => {
  test('keyboard drives the slides: arrows, Home/End, number + Enter, overview, notes; the Close button is button-sized', async ({
    page,
    watch,
  }) => {
    await openDeck(page);
    await expect(titleSlide(page).getByText('The forward pass', { exact: true })).toBeVisible();
    expect(slideNo(page)).toBe('#1');
    await page.keyboard.press('ArrowRight');
    await expect(visibleH2(page)).toHaveText(['The perceptron']);
    expect(slideNo(page)).toBe('#2');
    await page.keyboard.press('ArrowRight');
    await expect(visibleH2(page)).toHaveText(['Logistic regression']);
    await page.keyboard.press('End');
    await expect(visibleH2(page)).toHaveText(['The cycle of learning']);
    await expect(page.locator('[data-deck-count]')).toHaveText('6 / 6');
    await page.keyboard.press('Home');
    await expect(titleSlide(page).getByText('The forward pass', { exact: true })).toBeVisible();
    await page.keyboard.type('4');
    await expect(page.locator('[data-deck-goto]')).toHaveText(' → 4');
    await page.keyboard.press('Enter');
    await expect(visibleH2(page)).toHaveText(['A layer of neurons']);
    expect(slideNo(page)).toBe('#4');
    await page.keyboard.press('PageUp');
    expect(slideNo(page)).toBe('#3');

    // Overview grid: O opens it, a card jumps, Esc closes it.
    await page.keyboard.press('o');
    const overview = page.getByRole('navigation', { name: 'All slides' });
    await expect(overview).toBeVisible();
    await expect(overview.locator('[data-goto]')).toHaveCount(6);
    await expect(overview.locator('[aria-current]')).toContainText('Logistic regression');
    const close = await overview.getByRole('button', { name: 'Close (Esc)' }).boundingBox();
    expect(close!.width).toBeLessThan(250);
    expect(close!.height).toBeLessThan(60);
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(overview).toBeVisible();
    await overview.getByRole('button', { name: /Forward propagation/ }).click();
    await expect(overview).toBeHidden();
    expect(slideNo(page)).toBe('#5');

    // Speaker notes: N shows the notes of this slide; the address remembers it.
    const notes = page.getByRole('complementary', { name: 'Speaker notes' });
    await expect(notes).toBeHidden();
    await page.keyboard.press('n');
    await expect(notes).toBeVisible();
    await expect(notes).toContainText('compute h₁ and h₂ by hand');
    await expect(notes).toContainText('Next: 6. The cycle of learning');
    expect(page.url()).toContain('?notes#5');
    expect(watch.problems).toEqual([]);
  });

  test('↓ Space PageDown scroll a long slide first, then change slide; ↑ comes back to the bottom', async ({
    page,
    watch,
  }) => {
    await page.goto('present/02-feedforward/backward-pass/#5');
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    const stage = page.locator('[data-deck-stage]');
    const scroll = () =>
      stage.evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight, view: el.clientHeight }));
    expect((await scroll()).max).toBeGreaterThan(2000); // a long slide
    // Smooth: the slide scrolls by about a screen and stays the same slide.
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await scroll()).top).toBeGreaterThan(0.7 * (await scroll()).view);
    expect(slideNo(page)).toBe('#5');
    await page.keyboard.press(' ');
    await expect.poll(async () => (await scroll()).top).toBeGreaterThan(1.4 * (await scroll()).view);
    expect(slideNo(page)).toBe('#5');
    // Without motion: ↓ until the bottom is in view, and only then the next slide.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (let i = 0; i < 40 && slideNo(page) === '#5'; i++) {
      const before = await scroll();
      await page.keyboard.press('ArrowDown');
      if (slideNo(page) !== '#5') expect(before.top).toBeGreaterThanOrEqual(before.max - 2);
      else await expect.poll(async () => (await scroll()).top).toBeGreaterThan(before.top);
    }
    expect(slideNo(page)).toBe('#6');
    expect((await scroll()).top).toBe(0);
    // ↑ at the top goes back to the previous slide, at its bottom; → ← change slide straight away.
    await page.keyboard.press('ArrowUp');
    expect(slideNo(page)).toBe('#5');
    const back = await scroll();
    expect(back.top).toBeGreaterThanOrEqual(back.max - 2);
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await scroll()).top).toBeLessThan(back.top - 0.7 * back.view);
    expect(slideNo(page)).toBe('#5');
    await page.keyboard.press('ArrowLeft');
    expect(slideNo(page)).toBe('#4');
    expect(watch.problems).toEqual([]);
  });

  test('past the last slide comes the next part, before the first the previous part; the lecture ends', async ({
    page,
    watch,
  }) => {
    await page.goto('present/02-feedforward/architectures/#3');
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-deck-count]')).toHaveText(/^3 \/ 3/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/forward-pass\/#1$/);
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await expect(titleSlide(page).getByText('The forward pass', { exact: true })).toBeVisible();
    // ← at the first slide: the previous part's last slide.
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\/architectures\/#3$/);
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-deck-count]')).toHaveText(/^3 \/ 3/);
    // The button does the same, and says so.
    const next = page.getByRole('button', { name: 'Next part →' });
    await next.click();
    await page.waitForURL(/\/forward-pass\/#1$/);
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await expect(page.getByRole('button', { name: 'Next slide →' })).toBeEnabled();
    // At the very end of the lecture there is nowhere to go.
    await page.goto('present/02-feedforward/terminology/');
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await page.keyboard.press('End');
    const last = slideNo(page);
    await expect(page.getByRole('button', { name: /^Next/ })).toBeDisabled();
    await page.keyboard.press('ArrowRight');
    expect(slideNo(page)).toBe(last);
    expect(page.url()).toContain('/terminology/');
    expect(watch.problems).toEqual([]);
  });

  test('a widget works live in its slide; its keys stay its own until Esc', async ({ page, watch }) => {
    await openDeck(page, '#2');
    // Like on the reading page, a widget starts when it scrolls into view (here: inside its slide).
    await page.locator('[data-widget="perceptron"]').scrollIntoViewIfNeeded();
    const widget = page.locator('astro-island:not([ssr]) [data-widget="perceptron"]');
    await widget.waitFor();
    const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
    await w1.focus();
    await page.keyboard.press('End');
    await expect(w1).toHaveValue('4');
    expect(slideNo(page)).toBe('#2');
    await expect(widget).toHaveAttribute('data-state', /w1:4/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(slideNo(page)).toBe('#3');
    // Back again: the widget kept its state.
    await page.keyboard.press('ArrowLeft');
    await expect(w1).toHaveValue('4');
    expect(watch.problems).toEqual([]);
  });

  test('the address picks the slide (#n, a section anchor, garbage → first); a presenter window stays in step', async ({
    page,
    watch,
  }) => {
    await openDeck(page, '#logistic-regression');
    await expect(visibleH2(page)).toHaveText(['Logistic regression']);
    await openDeck(page, '?notes#99');
    await expect(visibleH2(page)).toHaveText(['The cycle of learning']);
    await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toBeVisible();
    await openDeck(page, '#%E0%A4%A<script>');
    await expect(titleSlide(page).getByText('The forward pass', { exact: true })).toBeVisible();
    expect(watch.problems).toEqual([]);
    // A presenter window (P opens one with ?notes) and the projector window stay in step.
    const presenter = await page.context().newPage();
    await presenter.goto(DECK + '?notes#1');
    await presenter.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
    await openDeck(page, '#1');
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).hash).toBe('#2');
    // …across parts too: → at the presenter's last slide takes both windows to the next part.
    await presenter.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).hash).toBe('#6');
    await presenter.keyboard.press('ArrowRight');
    await presenter.waitForURL(/\/activation-functions\/\?notes#1$/);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/activation-functions\/$/);
    await presenter.close();
    // Readers never see the notes on the reading page.
    await page.goto('lectures/02-feedforward/forward-pass/');
    await expect(page.locator('[data-speaker-notes]').first()).toBeHidden();
    await expect(page.getByText('compute h₁ and h₂ by hand')).toBeHidden();
  });

  test('O opens and closes the overview; closing returns the focus where it was', async ({ page, watch }) => {
    await openDeck(page, '#3');
    const overview = page.getByRole('navigation', { name: 'All slides' });
    await page.keyboard.press('o');
    await expect(overview).toBeVisible();
    await expect(overview.locator('[aria-current]')).toBeFocused();
    await page.keyboard.press('o');
    await expect(overview).toBeHidden();
    await expect(page.locator('[data-deck-stage]')).toBeFocused();
    expect(slideNo(page)).toBe('#3');

    // From the toolbar's button: O and Esc close the overview, and the button has the focus again.
    const toggle = page.locator('[data-deck-overview-toggle]');
    await toggle.click();
    await expect(overview).toBeVisible();
    await page.keyboard.press('o');
    await expect(overview).toBeHidden();
    await expect(toggle).toBeFocused();
    await page.keyboard.press('o');
    await expect(overview).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await expect(toggle).toBeFocused();
    expect(watch.problems).toEqual([]);
  });

  test('a correction to the original slides is in the speaker notes, not on the projected slide', async ({
    page,
    watch,
  }) => {
    await openDeck(page);
    const correction = page.locator('[data-deck-content] .aside--correction');
    await expect(correction).toHaveCount(1);
    const slide = await correction.getAttribute('data-slide');
    await openDeck(page, `?notes#${slide}`);
    await expect(page.locator(`[data-deck-content] > [data-slide="${slide}"]:visible`).first()).toBeVisible();
    await expect(correction).toBeHidden();
    const notes = page.getByRole('complementary', { name: 'Speaker notes' });
    await expect(
      notes.getByRole('note', { name: /^Correction to the slides: Which weights the slide lists/ }),
    ).toBeVisible();
    expect(watch.problems).toEqual([]);
  });

  test('no slide of any part scrolls sideways at 360 px', async ({ page, watch }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 720 });
    for (const part of PARTS) {
      await page.goto(`present/02-feedforward/${part}/`);
      await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
      const count = Number((await page.locator('[data-deck-count]').textContent())!.split('/')[1]);
      for (let n = 1; n <= count; n++) {
        if (n > 1) await page.locator('[data-deck-next-button]').click();
        await expect(page.locator('[data-deck-count]')).toHaveText(`${n} / ${count}`);
        const sideways = await page.evaluate(() => {
          const stage = document.querySelector('[data-deck-stage]')!;
          return Math.max(
            document.documentElement.scrollWidth - document.documentElement.clientWidth,
            stage.scrollWidth - stage.clientWidth,
          );
        });
        expect(sideways, `${part} slide ${n} is wider than the phone by`).toBeLessThanOrEqual(0);
      }
    }
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in presenter mode: slide with notes (light), overview (dark)', async ({ page }) => {
    test.setTimeout(120_000);
    await useScheme(page, 'light');
    await openDeck(page, '?notes#2');
    await page.locator('[data-widget="perceptron"]').scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) [data-widget="perceptron"]').waitFor();
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `light ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await useScheme(page, 'dark');
    await openDeck(page, '?notes#4');
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `dark ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.keyboard.press('o');
    results = await new AxeBuilder({ page }).include('#deck-overview').analyze();
    expect(results.violations.map((v) => `dark overview ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
});
