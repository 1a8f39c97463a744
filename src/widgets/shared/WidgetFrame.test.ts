// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import {
  WIDGET_CHANGE_EVENT,
  WidgetFrame,
  readWidgetChange,
  type WidgetChange,
  type WidgetReport,
} from './WidgetFrame';
import type { Schema, StateOf } from './url-state';

const schema = {
  w: { kind: 'number', default: 0.5, min: -2, max: 2, step: 0.1 },
  act: { kind: 'choice', default: 'sigmoid', options: ['sigmoid', 'relu'] },
} as const satisfies Schema;

function mount(state: StateOf<typeof schema>, report: WidgetReport, into: HTMLElement) {
  act(() => {
    render(
      h(WidgetFrame<typeof schema>, {
        name: 'demo',
        title: 'Demo',
        onReset: () => {},
        schema,
        state,
        update: () => {},
        report,
        children: h('p', null, 'body'),
      }),
      into,
    );
  });
}

describe('WidgetFrame publishes state and report', () => {
  it('writes data-state/data-report and fires widget-change on every change', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const seen: WidgetChange[] = [];
    host.addEventListener(WIDGET_CHANGE_EVENT, (e) => seen.push((e as CustomEvent<WidgetChange>).detail));

    mount({ w: 0.5, act: 'sigmoid' }, { correct: 3, total: 4 }, host);
    const root = host.querySelector('[data-widget="demo"]')!;
    expect(readWidgetChange(root)).toEqual({ name: 'demo', state: '', report: { correct: 3, total: 4 } });
    expect(seen).toEqual([{ name: 'demo', state: '', report: { correct: 3, total: 4 } }]);

    mount({ w: -1, act: 'relu' }, { correct: 4, total: 4 }, host);
    expect(root.getAttribute('data-state')).toBe('w:-1,act:relu');
    expect(seen.at(-1)).toEqual({ name: 'demo', state: 'w:-1,act:relu', report: { correct: 4, total: 4 } });

    // Re-rendering with equal values is not a change.
    mount({ w: -1, act: 'relu' }, { correct: 4, total: 4 }, host);
    expect(seen).toHaveLength(2);
  });

  it('reads an unreadable report as empty instead of throwing', () => {
    const el = document.createElement('section');
    el.setAttribute('data-widget', 'x');
    el.setAttribute('data-report', '{nope');
    expect(readWidgetChange(el)).toEqual({ name: 'x', state: '', report: {} });
    expect(readWidgetChange(document.createElement('div'))).toBeUndefined();
  });
});
