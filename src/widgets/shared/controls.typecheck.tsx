/**
 * Type-level checks of the bound controls (checked by `astro check`/`tsc`, never run): a field that is
 * not in the schema, or is of the wrong kind for the control, is a type error.
 */
import type { Schema } from './url-state';
import { controlsFor } from './controls';

export const schema = {
  w: { kind: 'number', default: 0.5, min: -2, max: 2, step: 0.1 },
  ws: { kind: 'numbers', default: [1, 2], min: -5, max: 5, step: 0.1 },
  act: { kind: 'choice', default: 'relu' as const, options: ['relu', 'tanh'] as const },
  on: { kind: 'boolean', default: true },
} satisfies Schema;

const { Slider, Select, Toggle } = controlsFor<typeof schema>();

export const typeChecks = [
  <Slider field="w" label="w" />,
  <Slider field="ws" index={1} label="w₂" />,
  <Select field="act" label="Activation" options={[{ value: 'tanh', label: 'tanh' }]} />,
  <Toggle field="on" label="On" />,
  <Slider label="not state" value={1} min={0} max={2} step={1} onChange={() => {}} />,
  // @ts-expect-error: a typo
  <Slider field="ww" label="w" />,
  // @ts-expect-error: a choice field is not a slider
  <Slider field="act" label="act" />,
  // @ts-expect-error: an entry of a list needs its index
  <Slider field="ws" label="w" />,
  // @ts-expect-error: not one of the field's options
  <Select field="act" label="Activation" options={[{ value: 'sigmoid', label: 'σ' }]} />,
  // @ts-expect-error: a number field is not a switch
  <Toggle field="w" label="w" />,
  // @ts-expect-error: a control that is not state gives its value
  <Slider label="not state" min={0} max={2} step={1} onChange={() => {}} />,
];
