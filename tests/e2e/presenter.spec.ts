import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, useScheme } from './site';

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
  test('keyboard drives the slides: arrows, space, Home/End, number + Enter, overview, notes', async ({ page, watch }) => {
    await openDeck(page);
    await expect(titleSlide(page).getByText('The forward pass', { exact: true })).toBeVisible();
    expect(slideNo(page)).toBe('#1');
    await page.keyboard.press('ArrowRight');
    await expect(visibleH2(page)).toHaveText(['The perceptron']);
    expect(slideNo(page)).toBe('#2');
    await page.keyboard.press(' ');
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

  test('the address picks the slide (#n, a section anchor, garbage → first); a presenter window stays in step', async ({ page, watch }) => {
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
    await presenter.close();
    // Readers never see the notes on the reading page.
    await page.goto('lectures/02-feedforward/forward-pass/');
    await expect(page.locator('[data-speaker-notes]').first()).toBeHidden();
    await expect(page.getByText('compute h₁ and h₂ by hand')).toBeHidden();
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
