/**
 * The compromise-rotation form (procedure compromise-rotation: one ceremony in two sittings,
 * docs/cli.md `compromise-rotation` and "Waiting", ADR 0012): when the inventory shows a rotation
 * open and waiting for its sweep, the screen offers its second sitting (or its abort); otherwise,
 * the first sitting. Each sitting is a form of its own (RotationFirstSitting, RotationSecondSitting).
 */
import type { FormProps } from './form-props.ts';
import { waitingRotation } from './rotation-model.ts';
import { RotationFirstSitting } from './RotationFirstSitting.tsx';
import { RotationSecondSitting } from './RotationSecondSitting.tsx';

export function RotationForm(props: FormProps<'compromise-rotation' | 'compromise-rotation-sweep'>) {
  const waiting = waitingRotation(props.inventory);
  return waiting ? (
    <RotationSecondSitting key={`second ${waiting.ceremony.id}`} {...props} waiting={waiting} />
  ) : (
    <RotationFirstSitting key="first" {...props} />
  );
}
