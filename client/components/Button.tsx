import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Link as AriaLink,
  type ButtonProps as AriaButtonProps,
  type LinkProps as AriaLinkProps,
} from 'react-aria-components';
import styles from './Button.module.css';
import { buttonClassName, type ButtonStyle } from './buttonClassName';

export { buttonClassName, type ButtonVariant } from './buttonClassName';

interface StyleProps extends ButtonStyle {
  /** Icon before the label (decorative). */
  icon?: ReactNode;
}

export type ButtonProps = Omit<AriaButtonProps, 'className' | 'children'> &
  StyleProps & { children?: ReactNode };

/** Accessible button (react-aria) in KERN style. `isPending` shows a busy state. */
export function Button({ variant, size, icon, className, children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={buttonClassName({ variant, size, className })}>
      {icon ? (
        <span className={styles.icon} aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </AriaButton>
  );
}

export type LinkButtonProps = Omit<AriaLinkProps, 'className' | 'children'> &
  StyleProps & { href: string; children?: ReactNode };

/** A link that looks like a button; in-app paths navigate on the client. */
export function LinkButton({
  variant,
  size,
  icon,
  className,
  children,
  ...props
}: LinkButtonProps) {
  // mailto:, tel:, https: … must not pass through the router (it would make them relative).
  if (/^[a-z][a-z0-9+.-]*:/i.test(props.href)) {
    return (
      <a href={props.href} className={buttonClassName({ variant, size, className })}>
        {icon ? (
          <span className={styles.icon} aria-hidden="true">
            {icon}
          </span>
        ) : null}
        {children}
      </a>
    );
  }
  return (
    <AriaLink {...props} className={buttonClassName({ variant, size, className })}>
      {icon ? (
        <span className={styles.icon} aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </AriaLink>
  );
}
