/** The on/off switch. */
import type { ComponentChildren, VNode } from 'preact';
import type { Schema } from '../url-state';
import { useFieldAccess, useWidgetId } from '../WidgetFrame';
import { useBoundField, type BooleanKey } from './binding';
import { LockMark } from './LockMark';

interface ToggleCommon {
  label: ComponentChildren;
  disabled?: boolean;
}
/** A switch bound to a boolean field of schema `S` (`checked`/`onChange` only to override the state's). */
export type BoundToggleProps<S extends Schema> = ToggleCommon & {
  field: BooleanKey<S>;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
};
/** A switch for something that is not widget state. */
export type ToggleProps = ToggleCommon & { checked: boolean; onChange: (checked: boolean) => void; field?: undefined };

export function UntypedToggle(
  props: ToggleCommon & { field?: string | undefined; checked?: boolean; onChange?: (c: boolean) => void },
) {
  const bound = useBoundField(props.field, 'Toggle');
  if (bound && bound.spec.kind !== 'boolean') throw new Error(`Toggle "${props.field}": not a boolean field`);
  const checked = props.checked ?? (bound?.value as boolean | undefined);
  const onChange = props.onChange ?? bound?.set;
  if (checked === undefined || !onChange) throw new Error(`Toggle "${String(props.label)}": no value or onChange`);
  return <ToggleView {...props} checked={checked} onChange={onChange} />;
}

/** An on/off switch for something that is not widget state (state is bound with `useWidget`'s `Toggle`). */
export const Toggle: (props: ToggleProps) => VNode | null = UntypedToggle;

/** An on/off switch: a real checkbox with the switch role, so Space toggles it. */
function ToggleView({
  label,
  checked,
  onChange,
  disabled,
  field,
}: ToggleCommon & { checked: boolean; onChange: (checked: boolean) => void; field?: string | undefined }) {
  const id = useWidgetId();
  const access = useFieldAccess(field);
  if (access === 'hidden') return null;
  const locked = access === 'locked';
  return (
    <label class="control control--toggle" data-field={field} data-locked={locked ? '' : undefined}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled || locked}
        aria-describedby={locked ? `${id}-lock` : undefined}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="control__label">{label}</span>
      {locked && <LockMark id={`${id}-lock`} />}
    </label>
  );
}
