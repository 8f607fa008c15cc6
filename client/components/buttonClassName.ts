import styles from './Button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: 'default' | 'small';
  className?: string;
}

/**
 * Class names of a button look, for elements that must stay plain (full-page links, and buttons of
 * the first screen, which so do without react-aria's code in the entry).
 */
export const buttonClassName = ({
  variant = 'secondary',
  size = 'default',
  className,
}: ButtonStyle) =>
  [styles.button, styles[variant], size === 'small' ? styles.small : '', className ?? '']
    .filter(Boolean)
    .join(' ');
