/** The select: one of a choice field's options, or one of a number field's values. */
import type { ComponentChildren, VNode } from 'preact';
import type { Schema } from '../url-state';
import { useFieldAccess, useWidgetId } from '../WidgetFrame';
import { useBoundField, type ChoiceKey, type NumberKey, type SelectValue } from './binding';
import { LockMark } from './LockMark';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}
/**
 * A select bound to field `K` of schema `S`: a choice field (options among its values) or a number
 * field (options are its values as text; the choice is written back as a number). Value and setter
 * are the state's unless given.
 */
export interface BoundSelectProps<S extends Schema, K extends ChoiceKey<S> | NumberKey<S>> {
  field: K;
  label: ComponentChildren;
  options: readonly SelectOption<SelectValue<S, K>>[];
  value?: SelectValue<S, K>;
  onChange?: (value: SelectValue<S, K>) => void;
  disabled?: boolean;
}
/** A select for something that is not widget state. */
export interface SelectProps<T extends string> {
  label: ComponentChildren;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  field?: undefined;
}

export function UntypedSelect(props: {
  field?: string;
  label: ComponentChildren;
  options: readonly SelectOption<string>[];
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
}) {
  const bound = useBoundField(props.field, 'Select');
  const kind = bound?.spec.kind;
  if (bound && kind !== 'choice' && kind !== 'number') throw new Error(`Select "${props.field}": not a choice field`);
  const value = props.value ?? (bound ? String(bound.value) : undefined);
  const onChange = props.onChange ?? (bound && ((v: string) => bound.set(kind === 'number' ? Number(v) : v)));
  if (value === undefined || !onChange) throw new Error(`Select "${String(props.label)}": no value or onChange`);
  return <SelectView {...props} value={value} onChange={onChange} />;
}

/** A select for something that is not widget state (state is bound with `useWidget`'s `Select`). */
export const Select: <T extends string>(props: SelectProps<T>) => VNode | null = UntypedSelect as never;

function SelectView({
  label,
  value,
  options,
  onChange,
  disabled,
  field,
}: Omit<SelectProps<string>, 'field'> & { field?: string }) {
  const id = useWidgetId();
  const access = useFieldAccess(field);
  if (access === 'hidden') return null;
  const locked = access === 'locked';
  return (
    <div class="control control--select" data-field={field} data-locked={locked ? '' : undefined}>
      <label class="control__label" for={id}>
        {label}
      </label>
      {locked && <LockMark id={`${id}-lock`} />}
      <select
        id={id}
        value={value}
        disabled={disabled || locked}
        aria-describedby={locked ? `${id}-lock` : undefined}
        onChange={(e) => {
          const next = (e.currentTarget as HTMLSelectElement).value;
          if (options.some((o) => o.value === next)) onChange(next);
        }}
      >
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
