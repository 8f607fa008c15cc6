import type { ReactNode } from 'react';
import { Checkbox, type CheckboxProps } from 'react-aria-components';
import styles from './fields.module.css';

export interface CheckboxFieldProps extends Omit<CheckboxProps, 'className' | 'children'> {
  children: ReactNode;
  className?: string;
}

/** A checkbox with its label (react-aria; the box is drawn, the native input stays hidden). */
export function CheckboxField({ children, className, ...props }: CheckboxFieldProps) {
  return (
    <Checkbox {...props} className={`${styles.checkbox} ${className ?? ''}`}>
      {({ isSelected }) => (
        <>
          <span className={styles.box} aria-hidden="true">
            {isSelected ? (
              <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2.5">
                <path d="M3 8.5 6.5 12 13 4.5" />
              </svg>
            ) : null}
          </span>
          <span>{children}</span>
        </>
      )}
    </Checkbox>
  );
}
