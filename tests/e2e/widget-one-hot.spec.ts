import { test, expect, openWidget, axeViolations } from './site';

const URL = 'embed/one-hot/';

test.describe('one-hot widget', () => {
  test('Pear vs House costs 2, a match 0, and every other mistake 2 again', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'one-hot');
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('2');
    await expect(widget.locator('[data-readout="mean"]')).toHaveText('0.5');
    await widget.getByRole('combobox', { name: 'Predicted category' }).selectOption({ label: 'Pear' });
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('0');
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('A match');
    // Keyboard on the table of all pairs: Dog predicted as Grass.
    const cell = widget.getByRole('button', { name: 'true Dog, predicted Grass: 2' });
    await cell.focus();
    await page.keyboard.press('Enter');
    await expect(cell).toHaveAttribute('aria-pressed', 'true');
    await expect(widget.getByRole('combobox', { name: 'True category' })).toHaveValue('0');
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('2');
    await expect(widget.locator('[data-readout="numbered"]')).toContainText('= 9');
    await expect(widget).toHaveAttribute('data-report', /"trueIndex":0,"predictedIndex":3,"squaredErrorSum":2/);
    expect(watch.problems).toEqual([]);
  });

  test("the reader's own category is checked, added to every vector, and can be removed", async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'one-hot');
    const input = widget.getByRole('textbox', { name: 'Your own category' });
    await input.fill('<b>');
    await input.press('Enter');
    await expect(widget.locator('[data-readout="label-message"]')).toContainText('characters');
    await input.fill('pear');
    await widget.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(widget.locator('[data-readout="label-message"]')).toContainText('already');
    await input.fill(' Cat ');
    await input.press('Enter');
    await expect(widget.locator('[data-readout="label-message"]')).toContainText('5 entries');
    await widget.getByRole('combobox', { name: 'True category' }).selectOption({ label: 'Cat' });
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('2');
    await expect(widget.getByRole('button', { name: 'true Cat, predicted Cat: 0' })).toBeVisible();
    await expect(widget).toHaveAttribute('data-report', /"categories":"Dog,Pear,House,Grass,Cat","k":5,"trueIndex":4/);
    await widget.getByRole('button', { name: 'Remove Cat' }).click();
    await expect(widget.getByRole('button', { name: /Cat/ })).toHaveCount(0);
    await expect(widget).toHaveAttribute('data-report', /"k":4/);
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?one-hot=truth:3,guess:3`, 'one-hot');
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('0');
    widget = await openWidget(page, `${URL}?one-hot=truth:pear,colour:blue`, 'one-hot');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('combobox', { name: 'True category' })).toHaveValue('1');
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      await openWidget(page, URL, 'one-hot');
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
